using System.Globalization;
using TaskActors.Runtime.Abstractions.Identity;
using TaskActors.Runtime.Abstractions.Persistence;

namespace TaskActors.Runtime.Persistence;

/// <summary>Grain storage for the silos of one process. Expired records read as missing.</summary>
public sealed class InMemoryGrainStorage(TimeProvider timeProvider) : IGrainStorage
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string State, GrainId Grain), GrainStateRecord> _records = [];
    private readonly Dictionary<(string State, string Partition), SortedDictionary<string, GrainId>> _indexes = [];
    private long _version;

    /// <summary>How many records are stored, expired ones included until they are next touched.</summary>
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

    /// <summary>Every stored record's payload, expired ones included until they are next touched (for inspection).</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Payloads()
    {
        lock (_lock)
        {
            return [.. _records.Values.Select(r => r.Data)];
        }
    }

    /// <inheritdoc />
    public Task<GrainStateRecord?> ReadAsync(string stateName, GrainId grainId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(Current((stateName, grainId)));
        }
    }

    /// <inheritdoc />
    public Task<string> WriteAsync(string stateName, GrainId grainId, ReadOnlyMemory<byte> data, string? expectedETag, DateTimeOffset? expiresAt, StateIndexEntry? index = null, CancellationToken cancellationToken = default)
    {
        if (index is { SortKey: var sortKey } && sortKey.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("An index sort key must not contain a newline.", nameof(index));
        }

        lock (_lock)
        {
            var key = (stateName, grainId);
            Check(key, expectedETag, "write");
            Unindex(key);
            var etag = (++_version).ToString(CultureInfo.InvariantCulture);
            _records[key] = new GrainStateRecord(data.ToArray(), etag, expiresAt, index);
            if (index is { } entry)
            {
                if (!_indexes.TryGetValue((stateName, entry.Partition), out var members))
                {
                    _indexes[(stateName, entry.Partition)] = members = new SortedDictionary<string, GrainId>(StringComparer.Ordinal);
                }

                members[entry.SortKey] = grainId;
            }

            return Task.FromResult(etag);
        }
    }

    /// <inheritdoc />
    public Task ClearAsync(string stateName, GrainId grainId, string? expectedETag, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var key = (stateName, grainId);
            Check(key, expectedETag, "clear");
            Unindex(key);
            _records.Remove(key);
            return Task.CompletedTask;
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<IndexedGrainState>> QueryIndexAsync(string stateName, string partition, string? beforeSortKey, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        lock (_lock)
        {
            var found = new List<IndexedGrainState>();
            if (_indexes.TryGetValue((stateName, partition), out var members))
            {
                foreach (var (sortKey, grainId) in members.Reverse())
                {
                    if (beforeSortKey is not null && string.CompareOrdinal(sortKey, beforeSortKey) >= 0)
                    {
                        continue;
                    }

                    if (Current((stateName, grainId)) is { } record)
                    {
                        found.Add(new IndexedGrainState(grainId, record));
                        if (found.Count == limit)
                        {
                            break;
                        }
                    }
                }
            }

            return Task.FromResult<IReadOnlyList<IndexedGrainState>>(found);
        }
    }

    private GrainStateRecord? Current((string State, GrainId Grain) key)
    {
        if (!_records.TryGetValue(key, out var record))
        {
            return null;
        }

        if (record.ExpiresAt is { } expiresAt && expiresAt <= timeProvider.GetUtcNow())
        {
            Unindex(key);
            _records.Remove(key);
            return null;
        }

        return record;
    }

    private void Unindex((string State, GrainId Grain) key)
    {
        if (_records.TryGetValue(key, out var record) && record.Index is { } entry && _indexes.TryGetValue((key.State, entry.Partition), out var members))
        {
            members.Remove(entry.SortKey);
        }
    }

    private void Check((string State, GrainId Grain) key, string? expectedETag, string operation)
    {
        var stored = Current(key)?.ETag;
        if (stored != expectedETag)
        {
            throw new InconsistentStateException(
                $"Cannot {operation} state '{key.State}' of grain {key.Grain}: stored ETag is {stored ?? "none"}, the writer expected {expectedETag ?? "none"}.",
                stored,
                expectedETag);
        }
    }
}
