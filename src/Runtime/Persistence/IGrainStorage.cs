using TaskActors.Runtime.Abstractions.Identity;
using TaskActors.Runtime.Abstractions.Persistence;

namespace TaskActors.Runtime.Persistence;

/// <summary>
/// Durable grain state, one record per (state name, grain id). Writes and clears are compare-and-set on the ETag:
/// a writer presents the ETag it last saw (null: it saw no record) and loses with
/// <see cref="InconsistentStateException"/> if the record changed. A write may also list the record in an index
/// partition, atomically. Implemented in memory and on Redis.
/// </summary>
public interface IGrainStorage
{
    /// <summary>Reads a record; null when there is none or it has expired.</summary>
    Task<GrainStateRecord?> ReadAsync(string stateName, GrainId grainId, CancellationToken cancellationToken = default);

    /// <summary>Writes a record if its ETag is still <paramref name="expectedETag"/>; returns the new ETag.</summary>
    /// <param name="stateName">The state name.</param>
    /// <param name="grainId">The grain.</param>
    /// <param name="data">The serialized state.</param>
    /// <param name="expectedETag">The ETag the writer last saw; null when it saw no record.</param>
    /// <param name="expiresAt">When the record expires; null for never.</param>
    /// <param name="index">The index partition to list the record in (replacing any earlier one); null for none.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="InconsistentStateException">The stored ETag differs.</exception>
    Task<string> WriteAsync(string stateName, GrainId grainId, ReadOnlyMemory<byte> data, string? expectedETag, DateTimeOffset? expiresAt, StateIndexEntry? index = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a record (and its index entry) if its ETag is still <paramref name="expectedETag"/>; clearing a missing record with a null ETag succeeds.</summary>
    /// <exception cref="InconsistentStateException">The stored ETag differs.</exception>
    Task ClearAsync(string stateName, GrainId grainId, string? expectedETag, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads up to <paramref name="limit"/> live records of an index partition in descending sort-key order, starting
    /// below <paramref name="beforeSortKey"/> (exclusive) when given. Expired records are skipped.
    /// </summary>
    Task<IReadOnlyList<IndexedGrainState>> QueryIndexAsync(string stateName, string partition, string? beforeSortKey, int limit, CancellationToken cancellationToken = default);
}
