using System.Globalization;

namespace TaskActors.Storage.Records;

/// <summary>
/// The in-memory twin of the Redis record store, for the embedded default (one silo, nothing survives the process).
/// Expired records read as missing and are dropped, with their index entries, by the next operation after they expire.
/// </summary>
public sealed class MemoryStateRecordStore(TimeProvider timeProvider) : IStateRecordStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string State, GrainId Grain), StateRecord> _records = [];
    private readonly Dictionary<(string State, string Partition), SortedDictionary<string, GrainId>> _indexes = [];
    private readonly PriorityQueue<(string State, GrainId Grain, string ETag), DateTimeOffset> _expiries = new();
    private long _version;

    /// <summary>How many records are held, expired ones included until the next operation drops them.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _records.Count;
            }
        }
    }

    /// <summary>Every held record's payload (for inspection by tests).</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Payloads()
    {
        lock (_lock)
        {
            return [.. _records.Values.Select(r => r.Data)];
        }
    }

    /// <inheritdoc />
    public Task<StateRecord?> ReadAsync(string stateName, GrainId grainId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            Purge();
            return Task.FromResult(_records.GetValueOrDefault((stateName, grainId)));
        }
    }

    /// <inheritdoc />
    public Task<string> WriteAsync(string stateName, GrainId grainId, ReadOnlyMemory<byte> data, string? expectedETag, StateRecordPolicy policy, CancellationToken cancellationToken = default)
    {
        StateRecordChecks.ThrowIfInvalid(policy);
        lock (_lock)
        {
            Purge();
            var key = (stateName, grainId);
            Check(key, expectedETag, "write");
            Unindex(key);
            var etag = (++_version).ToString(CultureInfo.InvariantCulture);
            _records[key] = new StateRecord(data.ToArray(), etag, policy.ExpiresAt, policy.Index);
            if (policy.Index is { } entry)
            {
                if (!_indexes.TryGetValue((stateName, entry.Partition), out var members))
                {
                    _indexes[(stateName, entry.Partition)] = members = new SortedDictionary<string, GrainId>(StringComparer.Ordinal);
                }

                members[entry.SortKey] = grainId;
            }

            if (policy.ExpiresAt is { } expiresAt)
            {
                _expiries.Enqueue((stateName, grainId, etag), expiresAt);
            }

            return Task.FromResult(etag);
        }
    }

    /// <inheritdoc />
    public Task ClearAsync(string stateName, GrainId grainId, string? expectedETag, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            Purge();
            var key = (stateName, grainId);
            Check(key, expectedETag, "clear");
            Remove(key);
            return Task.CompletedTask;
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<IndexedStateRecord>> QueryIndexAsync(string stateName, string partition, string? beforeSortKey, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        lock (_lock)
        {
            Purge();
            var found = new List<IndexedStateRecord>();
            if (_indexes.TryGetValue((stateName, partition), out var members))
            {
                foreach (var (sortKey, grainId) in members.Reverse())
                {
                    if (beforeSortKey is not null && string.CompareOrdinal(sortKey, beforeSortKey) >= 0)
                    {
                        continue;
                    }

                    if (_records.TryGetValue((stateName, grainId), out var record))
                    {
                        found.Add(new IndexedStateRecord(grainId, record));
                        if (found.Count == limit)
                        {
                            break;
                        }
                    }
                }
            }

            return Task.FromResult<IReadOnlyList<IndexedStateRecord>>(found);
        }
    }

    /// <summary>Drops every record whose expiry has passed (a record rewritten since it was queued keeps its newer expiry).</summary>
    private void Purge()
    {
        var now = timeProvider.GetUtcNow();
        while (_expiries.TryPeek(out var entry, out var expiresAt) && expiresAt <= now)
        {
            _expiries.Dequeue();
            var key = (entry.State, entry.Grain);
            if (_records.TryGetValue(key, out var record) && record.ETag == entry.ETag)
            {
                Remove(key);
            }
        }
    }

    private void Remove((string State, GrainId Grain) key)
    {
        Unindex(key);
        _records.Remove(key);
    }

    private void Unindex((string State, GrainId Grain) key)
    {
        if (_records.TryGetValue(key, out var record) && record.Index is { } entry && _indexes.TryGetValue((key.State, entry.Partition), out var members))
        {
            members.Remove(entry.SortKey);
            if (members.Count == 0)
            {
                _indexes.Remove((key.State, entry.Partition));
            }
        }
    }

    private void Check((string State, GrainId Grain) key, string? expectedETag, string operation)
    {
        var stored = _records.GetValueOrDefault(key)?.ETag;
        if (stored != expectedETag)
        {
            throw StateRecordChecks.Conflict(operation, key.State, key.Grain, stored, expectedETag);
        }
    }
}
