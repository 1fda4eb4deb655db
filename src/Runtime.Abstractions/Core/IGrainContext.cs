using TaskActors.Runtime.Abstractions.Identity;
using TaskActors.Runtime.Abstractions.Reminders;
using TaskActors.Runtime.Abstractions.Timers;

namespace TaskActors.Runtime.Abstractions.Core;

/// <summary>The runtime's side of one activation, as a grain sees it.</summary>
public interface IGrainContext
{
    /// <summary>The identity of the grain.</summary>
    GrainId GrainId { get; }

    /// <summary>A factory for calling other grains.</summary>
    IGrainFactory GrainFactory { get; }

    /// <summary>Services of the silo hosting the activation.</summary>
    IServiceProvider Services { get; }

    /// <summary>The time source of the silo.</summary>
    TimeProvider TimeProvider { get; }

    /// <summary>Deactivates the activation once no request is running.</summary>
    void Deactivate(DeactivationReason reason);

    /// <summary>Creates a timer whose callbacks run as turns of this activation.</summary>
    IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options);

    /// <summary>The durable reminders of this grain.</summary>
    IGrainReminderRegistry Reminders { get; }
}
