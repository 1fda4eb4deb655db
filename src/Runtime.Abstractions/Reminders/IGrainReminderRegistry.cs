namespace TaskActors.Runtime.Abstractions.Reminders;

/// <summary>The durable reminders of one grain.</summary>
public interface IGrainReminderRegistry
{
    /// <summary>Registers the reminder, or moves an existing one to the new schedule.</summary>
    Task<IGrainReminder> RegisterOrUpdateAsync(string reminderName, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken = default);

    /// <summary>Removes the reminder; removing a missing reminder does nothing.</summary>
    Task UnregisterAsync(string reminderName, CancellationToken cancellationToken = default);

    /// <summary>Returns the reminder, or null when it is not registered.</summary>
    Task<IGrainReminder?> GetAsync(string reminderName, CancellationToken cancellationToken = default);
}
