using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TaskActors.Runtime.Abstractions.Core;
using TaskActors.Runtime.Directory;
using TaskActors.Runtime.Membership;
using TaskActors.Runtime.Messaging;
using TaskActors.Runtime.Messaging.InProcess;
using TaskActors.Runtime.Metadata;
using TaskActors.Runtime.Persistence;
using TaskActors.Runtime.Reminders;
using TaskActors.Runtime.Serialization;

namespace TaskActors.Runtime.Hosting;

/// <summary>Registration of grains, serialization contexts and providers on silo and client builders.</summary>
public static class ActorRuntimeBuilderExtensions
{
    /// <summary>Registers a grain class this silo can activate.</summary>
    public static ISiloBuilder AddGrain<TGrain>(this ISiloBuilder builder)
        where TGrain : Grain
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(new GrainClassRegistration(typeof(TGrain)));
        return builder;
    }

    /// <summary>Registers every concrete grain class in an assembly.</summary>
    public static ISiloBuilder AddGrains(this ISiloBuilder builder, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(assembly);
        foreach (var type in assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract && typeof(Grain).IsAssignableFrom(t)))
        {
            builder.Services.AddSingleton(new GrainClassRegistration(type));
        }

        return builder;
    }

    /// <summary>Adds a source-generated JSON context for grain arguments, results and state (register it on silos and clients alike).</summary>
    public static TBuilder AddJsonTypeInfoResolver<TBuilder>(this TBuilder builder, IJsonTypeInfoResolver resolver)
        where TBuilder : IActorRuntimeBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(resolver);
        builder.Services.AddSingleton(new JsonTypeInfoResolverRegistration(resolver));
        return builder;
    }

    /// <summary>
    /// Uses in-memory membership, directory, reminders and the in-process network. With no store, this process is a
    /// cluster of its own (the development default); pass one store to several silos to form an in-process cluster.
    /// </summary>
    public static TBuilder UseLocalCluster<TBuilder>(this TBuilder builder, LocalClusterStore? store = null)
        where TBuilder : IActorRuntimeBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (store is null)
        {
            services.TryAddSingleton(sp => new LocalClusterStore(sp.GetRequiredService<TimeProvider>()));
        }
        else
        {
            services.AddSingleton(store);
        }

        services.TryAddSingleton<IMembershipTable>(sp => sp.GetRequiredService<LocalClusterStore>().Membership);
        services.TryAddSingleton<IGrainDirectory>(sp => sp.GetRequiredService<LocalClusterStore>().Directory);
        services.TryAddSingleton<IReminderTable>(sp => sp.GetRequiredService<LocalClusterStore>().Reminders);
        services.TryAddSingleton(sp => new InProcessSiloTransport(sp.GetRequiredService<LocalClusterStore>().Network));
        services.TryAddSingleton<ISiloTransport>(sp => sp.GetRequiredService<InProcessSiloTransport>());
        services.TryAddSingleton<ISiloListener>(sp => sp.GetRequiredService<InProcessSiloTransport>());
        return builder;
    }

    /// <summary>Adds an in-memory grain storage provider of the given name, shared through the local cluster store.</summary>
    public static ISiloBuilder AddMemoryGrainStorage(this ISiloBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        builder.Services.AddKeyedSingleton<IGrainStorage>(name, (sp, _) =>
            (sp.GetService<LocalClusterStore>() ?? throw new InvalidOperationException($"AddMemoryGrainStorage(\"{name}\") needs UseLocalCluster() on the same builder.")).GetStorage(name));
        return builder;
    }
}
