using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using TaskActors.Grains.Abstractions.Serialization;
using TaskActors.Grains.Configuration;
using TaskActors.Grains.Diagnostics;
using TaskActors.Grains.Security;

namespace TaskActors.Grains.Hosting;

/// <summary>Adds TaskActors' grains to an Orleans silo.</summary>
public static class TaskActorsGrainsSiloBuilderExtensions
{
    /// <summary>
    /// Hosts the task, session, scope, registry and server-worker grains with their options (<c>TaskActors:Tasks</c>,
    /// <c>TaskActors:TokenProtection</c>) and the contracts' serializer. Register their storage too:
    /// <see cref="AddTaskActorsMemoryStorage"/> or <see cref="AddTaskActorsRedisStorage"/>.
    /// </summary>
    public static ISiloBuilder AddTaskActorsGrains(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSerializer(serializer => serializer.AddTaskActorsContracts(GrainsJsonContext.Default));
        builder.AddStateJson(GrainsJsonContext.Default);
        builder.AddIncomingGrainCallFilter<GrainCallCounter>();
        builder.Services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TaskEngineOptions.MinimumRedrivePeriod);
        var root = builder.Configuration.GetSection("TaskActors");
        builder.Services.AddOptions<TaskEngineOptions>().Bind(root.GetSection(TaskEngineOptions.SectionName)).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TaskEngineOptions>, TaskEngineOptionsValidator>());
        builder.Services.AddOptions<TokenProtectionOptions>().Bind(root.GetSection(TokenProtectionOptions.SectionName)).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TokenProtectionOptions>, TokenProtectionOptionsValidator>());
        builder.Services.TryAddSingleton<IAccessTokenProtector, AesGcmAccessTokenProtector>();
        return builder;
    }

    /// <summary>Stores every TaskActors grain state in memory (the embedded default; lost when the process ends).</summary>
    public static ISiloBuilder AddTaskActorsMemoryStorage(this ISiloBuilder builder) => builder.AddMemoryRecordStorage(StorageNames.All);

    /// <summary>Stores every TaskActors grain state on Redis, with keys under <paramref name="keyPrefix"/> (the service id).</summary>
    public static ISiloBuilder AddTaskActorsRedisStorage(this ISiloBuilder builder, string keyPrefix) =>
        builder.AddRedisRecordStorage(o => o.KeyPrefix = keyPrefix, StorageNames.All);
}
