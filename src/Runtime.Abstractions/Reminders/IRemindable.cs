using TaskActors.Runtime.Abstractions.Core;
using TaskActors.Runtime.Abstractions.Identity;

namespace TaskActors.Runtime.Abstractions.Reminders;

/// <summary>Implemented by grains that register durable reminders.</summary>
public interface IRemindable : IGrain
{
    /// <summary>Delivers one tick of a reminder; the reminder keeps ticking until it is unregistered.</summary>
    [Alias("runtime.reminder.receive")]
    Task ReceiveReminderAsync(string reminderName, TickStatus status, CancellationToken cancellationToken = default);
}
