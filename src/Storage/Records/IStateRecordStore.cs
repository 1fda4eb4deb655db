using Orleans.Storage;

namespace TaskActors.Storage.Records;

/// <summary>
/// Durable grain state records, one per (state name, grain id). Writes and clears are compare-and-set on the ETag:
/// a writer presents the ETag it last saw (null: it saw no record) and loses with
/// <see cref="InconsistentStateException"/> if the record changed. A write may also list the record in an index
/// partition and give it an expiry, atomically. Implemented on Redis and in memory; both pass one conformance suite.
/// </summary>
public interface IStateRecordStore
{
    /// <summary>Reads a record; null when there is none or it has expired.</summary>
    Task<StateRecord?> ReadAsync(string stateName, GrainId grainId, CancellationToken cancellationToken = default);

    /// <summary>Writes a record if its ETag is still <paramref name="expectedETag"/>; returns the new ETag.</summary>
    /// <param name="stateName">The state name.</param>
    /// <param name="grainId">The grain.</param>
    /// <param name="data">The serialized state.</param>
    /// <param name="expectedETag">The ETag the writer last saw; null when it saw no record.</param>
    /// <param name="policy">The record's expiry and index entry (replacing any earlier one).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="InconsistentStateException">The stored ETag differs.</exception>
    Task<string> WriteAsync(string stateName, GrainId grainId, ReadOnlyMemory<byte> data, string? expectedETag, StateRecordPolicy policy, CancellationToken cancellationToken = default);

    /// <summary>Deletes a record (and its index entry) if its ETag is still <paramref name="expectedETag"/>; clearing a missing record with a null ETag succeeds.</summary>
    /// <exception cref="InconsistentStateException">The stored ETag differs.</exception>
    Task ClearAsync(string stateName, GrainId grainId, string? expectedETag, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads up to <paramref name="limit"/> live records of an index partition in descending sort-key order, starting
    /// below <paramref name="beforeSortKey"/> (exclusive) when given. Expired records are skipped.
    /// </summary>
    Task<IReadOnlyList<IndexedStateRecord>> QueryIndexAsync(string stateName, string partition, string? beforeSortKey, int limit, CancellationToken cancellationToken = default);
}
