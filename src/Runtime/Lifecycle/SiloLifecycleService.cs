using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TaskActors.Runtime.Abstractions.Core;
using TaskActors.Runtime.Activation;
using TaskActors.Runtime.Configuration;
using TaskActors.Runtime.Identity;
using TaskActors.Runtime.Membership;
using TaskActors.Runtime.Messaging;
using TaskActors.Runtime.Metadata;

namespace TaskActors.Runtime.Lifecycle;

/// <summary>
/// Orders a silo's life around the host's: before any background loop starts it validates its grain classes, starts
/// listening and joins membership; once the host has started it becomes active. On shutdown, before the loops stop,
/// it drains gracefully: shutting-down status, no new activations, every activation deactivated (state written,
/// directory entries removed), dead status, stop listening. A rolling upgrade therefore loses no call.
/// </summary>
internal sealed partial class SiloLifecycleService(
    GrainMetadataRegistry metadata,
    GrainActivator activator,
    ActivationCatalog catalog,
    GrainCallDispatcher dispatcher,
    LocalSiloReceiver localReceiver,
    ISiloListener listener,
    MembershipAgent membership,
    LocalEndpoint endpoint,
    RuntimeStatus status,
    IOptions<GrainCollectionOptions> collectionOptions,
    TimeProvider timeProvider,
    ILogger<SiloLifecycleService> logger) : IHostedLifecycleService
{
    private static readonly DeactivationReason ShutdownReason = new(DeactivationReasonCode.ShuttingDown, "The silo is shutting down.");
    private volatile bool _crashed;
    private bool _joined;

    /// <summary>Simulates a process crash for tests: stop answering at once and skip every graceful step.</summary>
    public async Task CrashAsync()
    {
        _crashed = true;
        status.Set(false, $"silo {endpoint.Name} crashed");
        localReceiver.Receiver = null;
        await listener.StopAsync(CancellationToken.None);
    }

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        activator.Validate(metadata.Classes);
        localReceiver.Receiver = dispatcher;
        await listener.StartAsync(endpoint.SiloAddress!, dispatcher, cancellationToken);
        await membership.JoinAsync(cancellationToken);
        _joined = true;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        await membership.BecomeActiveAsync(cancellationToken);
        status.Set(true, $"silo {endpoint.Name} is active");
        LogStarted(logger, endpoint.Name, endpoint.SiloAddress!, metadata.Classes.Count);
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        status.Set(false, $"silo {endpoint.Name} is shutting down");
        if (_crashed || !_joined)
        {
            return;
        }

        LogStopping(logger, endpoint.Name, catalog.Count);
        try
        {
            await membership.ShutDownAsync(cancellationToken);
        }
        catch (SiloDeclaredDeadException)
        {
            // Declared dead meanwhile: others already took over; still hand back what we hold.
        }

        catalog.StopAccepting();
        var timeout = collectionOptions.Value.DeactivationTimeout * 2;
        await catalog.DeactivateAllAsync(ShutdownReason, timeout);

        // Calls parked on a deactivating activation are handed on (rejected, so their callers go elsewhere) by
        // continuations; answer every one of them before the listener goes away.
        try
        {
            await dispatcher.WhenDrainedAsync().WaitAsync(timeout, timeProvider, cancellationToken);
        }
        catch (TimeoutException)
        {
            LogDrainTimedOut(logger, endpoint.Name, dispatcher.InFlight);
        }

        try
        {
            await membership.LeaveAsync(cancellationToken);
        }
        catch (SiloDeclaredDeadException)
        {
            // Already dead in the table: the same end state.
        }

        localReceiver.Receiver = null;
        await listener.StopAsync(cancellationToken);
        LogStopped(logger, endpoint.Name);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {SiloName} ({SiloAddress}) is active with {GrainClassCount} grain classes")]
    private static partial void LogStarted(ILogger logger, string siloName, SiloAddress siloAddress, int grainClassCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {SiloName} is shutting down gracefully; deactivating {ActivationCount} activations")]
    private static partial void LogStopping(ILogger logger, string siloName, int activationCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {SiloName} stops listening with {CallCount} calls unanswered")]
    private static partial void LogDrainTimedOut(ILogger logger, string siloName, int callCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {SiloName} has left the cluster")]
    private static partial void LogStopped(ILogger logger, string siloName);
}
