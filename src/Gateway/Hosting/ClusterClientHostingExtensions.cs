using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using StackExchange.Redis;
using TaskActors.Grains.Abstractions.Cluster;
using TaskActors.Gateway.Hosting;
using TaskActors.Grains.Abstractions.Serialization;

namespace Microsoft.Extensions.Hosting;

/// <summary>Makes a host an Orleans client of a TaskActors cluster: a gateway of its own, holding nothing durable.</summary>
public static class ClusterClientHostingExtensions
{
    /// <summary>
    /// Connects to the cluster that <c>TaskActors:Cluster</c> names: through Redis when <c>Redis</c> is set, else to
    /// the embedded silo on this machine (its <c>GatewayPort</c>).
    /// </summary>
    public static IHostApplicationBuilder AddTaskActorsClient(this IHostApplicationBuilder builder, Action<IClientBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection("TaskActors").GetSection(ClusterSettings.SectionName);
        var settings = section.Get<ClusterSettings>() ?? new ClusterSettings();
        builder.Services.AddOptions<ClusterSettings>().Bind(section).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterSettings>, ClusterSettingsValidator>());
        builder.UseOrleansClient(client =>
        {
            if (settings.UsesRedis)
            {
                client.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = settings.ClusterId;
                    o.ServiceId = settings.ServiceId;
                });
                client.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(settings.Redis!));
            }
            else
            {
                client.UseLocalhostClustering(settings.GatewayPort, settings.ServiceId, settings.ClusterId);
            }

            client.Services.AddClusterClientLimits(settings.ClientResponseTimeout);
            client.AddActivityPropagation();
            client.Services.AddSerializer(serializer => serializer.AddTaskActorsContracts());
            configure?.Invoke(client);
        });
        return builder;
    }
}
