using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TaskActors.Runtime.Abstractions.Core;
using TaskActors.Runtime.Activation;
using TaskActors.Runtime.Configuration;
using TaskActors.Runtime.Diagnostics;
using TaskActors.Runtime.Directory;
using TaskActors.Runtime.Identity;
using TaskActors.Runtime.Lifecycle;
using TaskActors.Runtime.Membership;
using TaskActors.Runtime.Messaging;
using TaskActors.Runtime.Metadata;
using TaskActors.Runtime.Placement;
using TaskActors.Runtime.Reminders;
using TaskActors.Runtime.Serialization;

namespace TaskActors.Runtime.Hosting;

/// <summary>The service registrations behind <c>AddActorSilo</c> and <c>AddActorClient</c>.</summary>
internal static class RuntimeServiceCollectionExtensions
{
    /// <summary>The configuration section all runtime options bind under, e.g. <c>TaskActors:Messaging:ResponseTimeout</c>.</summary>
    public const string RootSection = "TaskActors";

    public static void AddRuntimeCore(this IServiceCollection services, IConfiguration configuration)
    {
        var root = configuration.GetSection(RootSection);
        AddOptions<ClusterOptions>(services, root, ClusterOptions.SectionName);
        AddOptions<MessagingOptions>(services, root, MessagingOptions.SectionName);
        AddOptions<MembershipOptions>(services, root, MembershipOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();

        services.TryAddSingleton<GrainSerializer>();
        services.TryAddSingleton<GrainMetadataRegistry>();
        services.TryAddSingleton<GrainFactory>();
        services.TryAddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainFactory>());
        services.TryAddSingleton<GrainCallInvoker>();
        services.TryAddSingleton<PendingCallRegistry>();
        services.AddSingleton<IDeadlineTracker>(sp => sp.GetRequiredService<PendingCallRegistry>());
        services.TryAddSingleton<LocalSiloReceiver>();
        services.TryAddSingleton<GrainLocator>();
        services.TryAddSingleton<IPlacementDirector, RandomPlacementDirector>();
        services.TryAddSingleton<MembershipView>();
        services.TryAddSingleton<RuntimeMetrics>();
        services.TryAddSingleton<RuntimeStatus>();
        services.TryAddSingleton<IRuntimeStatus>(sp => sp.GetRequiredService<RuntimeStatus>());
        services.AddHostedService<DeadlineSweeper>();
        services.AddHostedService<MembershipRefreshService>();
    }

    public static void AddSiloServices(this IServiceCollection services, IConfiguration configuration)
    {
        var root = configuration.GetSection(RootSection);
        AddOptions<SiloOptions>(services, root, SiloOptions.SectionName);
        AddOptions<GrainCollectionOptions>(services, root, GrainCollectionOptions.SectionName);
        AddOptions<ReminderOptions>(services, root, ReminderOptions.SectionName);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SiloOptions>>().Value;
            return LocalEndpoint.ForSilo(options.SiloName, options.AdvertisedHost, options.SiloPort, sp.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton<ILocalSiloDetails, LocalSiloDetails>();
        services.AddRuntimeCore(configuration);
        services.TryAddSingleton<ActivationServices>();
        services.TryAddSingleton<ActivationCatalog>();
        services.TryAddSingleton<GrainActivator>();
        services.TryAddSingleton<GrainCallDispatcher>();
        services.TryAddSingleton<CancellableCallRegistry>();
        services.AddSingleton<IDeadlineTracker>(sp => sp.GetRequiredService<CancellableCallRegistry>());
        services.TryAddSingleton<MembershipAgent>();
        services.TryAddSingleton<ReminderService>();
        services.TryAddSingleton<SiloLifecycleService>();
        services.TryAddSingleton<ActivationCollector>();

        // The lifecycle service first: its Starting/Stopping hooks bracket every background loop below.
        services.AddHostedService(sp => sp.GetRequiredService<SiloLifecycleService>());
        services.AddHostedService<MembershipHeartbeatService>();
        services.AddHostedService(sp => sp.GetRequiredService<ActivationCollector>());
        services.AddHostedService(sp => sp.GetRequiredService<ReminderService>());
    }

    public static void AddClientServices(this IServiceCollection services, IConfiguration configuration, string clientName)
    {
        services.TryAddSingleton(LocalEndpoint.ForClient(clientName));
        services.AddRuntimeCore(configuration);
        services.AddHostedService<ClientLifecycleService>();
    }

    /// <summary>Fails fast, naming the missing call, when a provider the runtime needs was not registered.</summary>
    public static void RequireProviders(this IServiceCollection services, bool isSilo)
    {
        Require<IMembershipTable>(services, "a membership table");
        Require<IGrainDirectory>(services, "a grain directory");
        Require<ISiloTransport>(services, "a silo transport");
        if (isSilo)
        {
            Require<IReminderTable>(services, "a reminder table");
            Require<ISiloListener>(services, "a silo listener");
        }
    }

    private static void Require<T>(IServiceCollection services, string what)
    {
        if (!services.Any(d => d.ServiceType == typeof(T)))
        {
            throw new InvalidOperationException($"The actor runtime has no {what} ({typeof(T).Name}); call UseLocalCluster() for one process, or UseRedisClustering() for a cluster, on the silo or client builder.");
        }
    }

    private static void AddOptions<TOptions>(IServiceCollection services, IConfigurationSection root, string section)
        where TOptions : class
    {
        services.AddOptions<TOptions>().Bind(root.GetSection(section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IValidateOptions<TOptions>), typeof(RuntimeOptionsValidator)));
    }
}
