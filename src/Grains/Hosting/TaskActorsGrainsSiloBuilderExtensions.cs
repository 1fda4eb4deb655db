using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TaskActors.Grains.Abstractions;
using TaskActors.Grains.Configuration;
using TaskActors.Grains.Security;
using TaskActors.Grains.Tasks;
using TaskActors.Runtime.Hosting;

namespace TaskActors.Grains.Hosting;

/// <summary>Adds TaskActors' grains to silos and their contracts to clients.</summary>
public static class TaskActorsGrainsSiloBuilderExtensions
{
    /// <summary>
    /// Hosts the task, session, scope, registry and server-worker grains. Register their storage too:
    /// <see cref="StorageNames.All"/> (in memory, or on Redis).
    /// </summary>
    public static ISiloBuilder AddTaskActorsGrains(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddGrains(typeof(TaskGrain).Assembly);
        builder.AddJsonTypeInfoResolver(GrainsJsonContext.Default);
        builder.AddTaskActorsContracts();
        var root = builder.Configuration.GetSection("TaskActors");
        builder.Services.AddOptions<TaskEngineOptions>().Bind(root.GetSection(TaskEngineOptions.SectionName)).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TaskEngineOptions>, TaskEngineOptionsValidator>());
        builder.Services.AddOptions<TokenProtectionOptions>().Bind(root.GetSection(TokenProtectionOptions.SectionName)).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TokenProtectionOptions>, TokenProtectionOptionsValidator>());
        builder.Services.TryAddSingleton<IAccessTokenProtector, AesGcmAccessTokenProtector>();
        return builder;
    }

    /// <summary>Stores every TaskActors grain state in memory (the single-process default; lost when the process ends).</summary>
    public static ISiloBuilder AddTaskActorsMemoryStorage(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var name in StorageNames.All)
        {
            builder.AddMemoryGrainStorage(name);
        }

        return builder;
    }

    /// <summary>Registers the JSON contract of TaskActors' grain interfaces (silos and clients both need it).</summary>
    public static TBuilder AddTaskActorsContracts<TBuilder>(this TBuilder builder)
        where TBuilder : IActorRuntimeBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Services.Any(d => d.ImplementationInstance is Runtime.Serialization.JsonTypeInfoResolverRegistration r && r.Resolver == GrainsAbstractionsJsonContext.Default))
        {
            builder.AddJsonTypeInfoResolver(GrainsAbstractionsJsonContext.Default);
        }

        return builder;
    }
}
