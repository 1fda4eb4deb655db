using TaskActors.Runtime.Abstractions.Identity;

namespace TaskActors.Runtime.Persistence;

/// <summary>
/// Durable grain state, one record per (state name, grain id). Writes and clears are compare-and-set on the ETag:
/// a writer presents the ETag it last saw (null: it saw no record) and loses with
/// <see cref="Abstractions.Persistence.InconsistentStateException"/> if the record changed. Implemented in memory and on Redis.
/// </summary>
public interface IGrainStorage
{
    /// <summary>Reads a record; null when there is none or it has expired.</summary>
    Task<GrainStateRecord?> ReadAsync(string stateName, GrainId grainId, CancellationToken cancellationToken = default);

    /// <summary>Writes a record if its ETag is still <paramref name="expectedETag"/>; returns the new ETag.</summary>
    /// <exception cref="Abstractions.Persistence.InconsistentStateException">The stored ETag differs.</exception>
    Task<string> WriteAsync(string stateName, GrainId grainId, ReadOnlyMemory<byte> data, string? expectedETag, DateTimeOffset? expiresAt, CancellationToken cancellationToken = default);

    /// <summary>Deletes a record if its ETag is still <paramref name="expectedETag"/>; clearing a missing record with a null ETag succeeds.</summary>
    /// <exception cref="Abstractions.Persistence.InconsistentStateException">The stored ETag differs.</exception>
    Task ClearAsync(string stateName, GrainId grainId, string? expectedETag, CancellationToken cancellationToken = default);
}
