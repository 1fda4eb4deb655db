using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using StackExchange.Redis;
using TaskActors.Grains.Abstractions.Cluster;
using TaskActors.Grains.Hosting;

namespace Microsoft.Extensions.Hosting;

/// <summary>Makes a host a TaskActors silo, in the embedded default or clustered on Redis, as configuration says.</summary>
public static class TaskActorsSiloHostingExtensions
{
    /// <summary>
    /// Adds an Orleans silo hosting TaskActors' grains. <c>TaskActors:Cluster</c> (<see cref="ClusterSettings"/>) chooses
    /// the mode: without <c>Redis</c>, one silo with localhost clustering and in-memory storage and reminders; with it,
    /// Redis clustering, grain storage and reminders. Membership is tuned to declare a killed silo dead within seconds
    /// (<see cref="ClusterDefaults"/>; <c>TaskActors:Membership</c> overrides any <see cref="ClusterMembershipOptions"/>).
    /// </summary>
    public static IHostApplicationBuilder AddTaskActorsSilo(this IHostApplicationBuilder builder, Action<ISiloBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection("TaskActors").GetSection(ClusterSettings.SectionName);
        var settings = section.Get<ClusterSettings>() ?? new ClusterSettings();
        builder.Services.AddOptions<ClusterSettings>().Bind(section).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterSettings>, ClusterSettingsValidator>());
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ServiceId;
            });
            if (settings.UsesRedis)
            {
                var redis = settings.Redis!;
                silo.Services.TryAddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis));
                silo.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(redis));
                silo.UseRedisReminderService(o => o.ConfigurationOptions = ConfigurationOptions.Parse(redis));
                silo.AddTaskActorsRedisStorage(settings.ServiceId);
                var advertised = settings.ResolveAdvertisedAddress(Environment.GetEnvironmentVariable(ClusterSettings.PodIpVariable));
                silo.ConfigureEndpoints(advertised, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true);
            }
            else
            {
                silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
                silo.UseInMemoryReminderService();
                silo.AddTaskActorsMemoryStorage();
            }

            silo.UseTaskActorsClusterDefaults();
            silo.AddActivityPropagation();
            silo.AddTaskActorsGrains();
            configure?.Invoke(silo);
        });
        return builder;
    }
}
