using TaskActors.Runtime.Hosting;

namespace Microsoft.Extensions.Hosting;

/// <summary>Adds a silo of the TaskActors runtime to a host.</summary>
public static class SiloHostingExtensions
{
    /// <summary>
    /// Makes this host a silo: it activates the grains registered in <paramref name="configure"/> and takes calls for
    /// them. Options bind from the <c>TaskActors</c> configuration section (e.g. <c>TaskActors:Messaging:ResponseTimeout</c>).
    /// </summary>
    public static IHostApplicationBuilder AddActorSilo(this IHostApplicationBuilder builder, Action<ISiloBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var silo = new ActorRuntimeBuilder(builder.Services, builder.Configuration);
        builder.Services.AddSiloServices(builder.Configuration);
        configure(silo);
        builder.Services.RequireProviders(isSilo: true);
        return builder;
    }

    /// <summary>
    /// Makes this host a runtime client: it calls grains hosted by the cluster's silos but hosts none.
    /// </summary>
    public static IHostApplicationBuilder AddActorClient(this IHostApplicationBuilder builder, Action<IClientBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var client = new ActorRuntimeBuilder(builder.Services, builder.Configuration);
        builder.Services.AddClientServices(builder.Configuration, builder.Environment.ApplicationName);
        configure(client);
        builder.Services.RequireProviders(isSilo: false);
        return builder;
    }
}
