using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;
using StackExchange.Redis;
using TaskActors.Storage.Diagnostics;
using TaskActors.Storage.Grains;
using TaskActors.Storage.Records;
using TaskActors.Storage.Redis;

namespace Orleans.Hosting;

/// <summary>Registers TaskActors' grain storage providers on a silo.</summary>
public static class StorageSiloBuilderExtensions
{
    /// <summary>Adds the source-generated JSON metadata of stored grain states.</summary>
    public static ISiloBuilder AddStateJson(this ISiloBuilder builder, IJsonTypeInfoResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(resolver);
        builder.Services.Configure<StateSerializationOptions>(o =>
        {
            if (!o.Resolvers.Contains(resolver))
            {
                o.Resolvers.Add(resolver);
            }
        });
        return builder;
    }

    /// <summary>Stores the named grain states in this process's memory (the embedded default; lost when the process ends).</summary>
    public static ISiloBuilder AddMemoryRecordStorage(this ISiloBuilder builder, params IEnumerable<string> names) =>
        builder.AddRecordStorage(static (sp, _) => new MemoryStateRecordStore(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<StorageInstrumentation>()), names);

    /// <summary>
    /// Stores the named grain states on Redis, through the <see cref="IConnectionMultiplexer"/> singleton the host
    /// registers (the providers never own or dispose it).
    /// </summary>
    public static ISiloBuilder AddRedisRecordStorage(this ISiloBuilder builder, Action<RedisStorageOptions>? configure, params IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<RedisStorageOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return builder.AddRecordStorage(
            static (sp, _) => new RedisStateRecordStore(
                sp.GetService<IConnectionMultiplexer>() ?? throw new InvalidOperationException("Redis grain storage needs an IConnectionMultiplexer singleton: register one before the silo starts."),
                sp.GetRequiredService<IOptions<RedisStorageOptions>>()),
            names);
    }

    /// <summary>
    /// Stores the named grain states in the record store <paramref name="createStore"/> makes for each name (for
    /// example one store shared by the silos of a test cluster).
    /// </summary>
    public static ISiloBuilder AddRecordStorage(this ISiloBuilder builder, Func<IServiceProvider, string, IStateRecordStore> createStore, params IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(createStore);
        ArgumentNullException.ThrowIfNull(names);
        foreach (var name in names)
        {
            builder.Services.AddKeyedSingleton<IStateRecordStore>(name, (sp, key) => createStore(sp, (string)key!));
            AddGrainStorage(builder.Services, name);
        }

        return builder;
    }

    private static void AddGrainStorage(IServiceCollection services, string name)
    {
        services.TryAddSingleton<StorageInstrumentation>();
        services.AddOptions<StateSerializationOptions>();
        services.AddGrainStorage(name, static (sp, n) => new RecordGrainStorage(
            sp.GetRequiredKeyedService<IStateRecordStore>(n),
            sp.GetRequiredService<IOptions<StateSerializationOptions>>(),
            sp.GetRequiredService<StorageInstrumentation>()));
    }
}
