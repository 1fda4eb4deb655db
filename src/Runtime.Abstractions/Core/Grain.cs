using TaskActors.Runtime.Abstractions.Identity;
using TaskActors.Runtime.Abstractions.Reminders;
using TaskActors.Runtime.Abstractions.Timers;

namespace TaskActors.Runtime.Abstractions.Core;

/// <summary>
/// Base class of grain implementations. The runtime creates one activation per grain id, delivers one request at a
/// time (unless a method is marked <see cref="Concurrency.AlwaysInterleaveAttribute"/>) and keeps every continuation
/// of a request on the activation's scheduler. Never use <c>ConfigureAwait(false)</c> in grain code.
/// </summary>
public abstract class Grain
{
    private IGrainContext? _context;

    /// <summary>Creates the grain; when the runtime constructs it, its context is available from the constructor on.</summary>
    protected Grain() => _context = GrainConstructionContext.Current;

    /// <summary>The runtime context of this activation.</summary>
    /// <exception cref="InvalidOperationException">The grain was constructed outside the runtime.</exception>
    protected IGrainContext GrainContext =>
        _context ?? throw new InvalidOperationException($"{GetType().Name} was not created by the actor runtime; grains are activated by calling them through IGrainFactory.");

    /// <summary>The identity of this grain.</summary>
    protected GrainId GrainId => GrainContext.GrainId;

    /// <summary>A factory for references to other grains.</summary>
    protected IGrainFactory GrainFactory => GrainContext.GrainFactory;

    /// <summary>Called once after the activation is registered and its persistent state is read, before the first request.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called once before the activation is removed; state not written by then is lost.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Asks the runtime to deactivate this activation when the current request has finished.</summary>
    protected void DeactivateOnIdle() =>
        GrainContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle was called."));

    /// <summary>Creates a timer whose callbacks run as turns of this activation; it dies with the activation.</summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options) =>
        GrainContext.RegisterGrainTimer(callback, options);

    /// <summary>Registers or updates a durable reminder; the grain must implement <see cref="IRemindable"/>.</summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminderAsync(string reminderName, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken = default) =>
        GrainContext.Reminders.RegisterOrUpdateAsync(reminderName, dueTime, period, cancellationToken);

    /// <summary>Removes a durable reminder; removing a missing reminder does nothing.</summary>
    protected Task UnregisterReminderAsync(string reminderName, CancellationToken cancellationToken = default) =>
        GrainContext.Reminders.UnregisterAsync(reminderName, cancellationToken);

    internal void Attach(IGrainContext context) => _context = context;
}
