using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TaskActors.Runtime.Abstractions.Core;
using TaskActors.Runtime.Configuration;
using TaskActors.Runtime.Diagnostics;
using TaskActors.Runtime.Directory;
using TaskActors.Runtime.Identity;
using TaskActors.Runtime.Membership;
using TaskActors.Runtime.Reminders;

namespace TaskActors.Runtime.Activation;

/// <summary>The silo services every activation uses, gathered once so an activation holds one reference.</summary>
internal sealed class ActivationServices(
    IServiceProvider serviceProvider,
    IGrainFactory grainFactory,
    IGrainDirectory directory,
    MembershipView membership,
    GrainActivator activator,
    ReminderService reminders,
    LocalEndpoint endpoint,
    IOptions<GrainCollectionOptions> collectionOptions,
    TimeProvider timeProvider,
    RuntimeMetrics metrics,
    ILoggerFactory loggerFactory)
{
    public IServiceProvider ServiceProvider { get; } = serviceProvider;

    public IGrainFactory GrainFactory { get; } = grainFactory;

    public IGrainDirectory Directory { get; } = directory;

    public MembershipView Membership { get; } = membership;

    public GrainActivator Activator { get; } = activator;

    public ReminderService Reminders { get; } = reminders;

    public LocalEndpoint Endpoint { get; } = endpoint;

    public GrainCollectionOptions CollectionOptions { get; } = collectionOptions.Value;

    public TimeProvider TimeProvider { get; } = timeProvider;

    public RuntimeMetrics Metrics { get; } = metrics;

    public ILoggerFactory LoggerFactory { get; } = loggerFactory;

    public ILogger Logger { get; } = loggerFactory.CreateLogger<GrainActivation>();
}
