using TaskActors.Runtime.Abstractions.Identity;

namespace TaskActors.Runtime.Reminders;

/// <summary>
/// The durable table of reminders. Rows are found by grain or by a range of the grains' uniform hash, so each silo
/// reads only the reminders of the grains it owns on the ring. Implemented in memory and on Redis.
/// </summary>
public interface IReminderTable
{
    /// <summary>Reads the reminders of one grain.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the reminders of grains whose <see cref="GrainId.GetUniformHashCode"/> lies in the ring range
    /// (<paramref name="begin"/>, <paramref name="end"/>]; when <paramref name="begin"/> ≥ <paramref name="end"/> the range wraps
    /// around, and equal bounds mean the whole ring.
    /// </summary>
    Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(uint begin, uint end, CancellationToken cancellationToken = default);

    /// <summary>Reads one reminder, or null.</summary>
    Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces a reminder; returns its new ETag.</summary>
    Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Removes a reminder if its ETag is still <paramref name="eTag"/>; returns whether it was removed.</summary>
    Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken = default);
}
