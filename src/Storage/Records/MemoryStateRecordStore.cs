using System.Globalization;
using TaskActors.Storage.Diagnostics;

namespace TaskActors.Storage.Records;

/// <summary>
/// The in-memory twin of the Redis record store, for the embedded default (one silo, nothing survives the process).
/// Expired records read as missing, and are dropped with their index entries when they expire: a timer set for the
/// earliest expiry sweeps them, so memory is given back without anyone reading the key again (as Redis does).
/// </summary>
/// <param name="timeProvider">The clock of expiries.</param>
/// <param name="instrumentation">Where to count the records and bytes held, if anywhere.</param>
public sealed class MemoryStateRecordStore(TimeProvider timeProvider, StorageInstrumentation? instrumentation = null) : IStateRecordStore, IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string State, GrainId Grain), StateRecord> _records = [];
    private readonly Dictionary<(string State, string Partition), SortedDictionary<string, GrainId>> _indexes = [];
    private readonly PriorityQueue<(string State, GrainId Grain, string ETag), DateTimeOffset> _expiries = new();
    private long _version;
    private ITimer? _sweeper;
    private DateTimeOffset _sweepAt = DateTimeOffset.MaxValue;

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
            Remove(key);
            var etag = (++_version).ToString(CultureInfo.InvariantCulture);
            _records[key] = new StateRecord(data.ToArray(), etag, policy.ExpiresAt, policy.Index);
            instrumentation?.MemoryHeld(stateName, 1, data.Length);
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
                ScheduleSweep();
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

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            _sweeper?.Dispose();
            _sweeper = null;
            _sweepAt = DateTimeOffset.MinValue;
        }
    }

    /// <summary>Sets the sweep timer for the earliest queued expiry, unless it is set for that or earlier (under the lock).</summary>
    private void ScheduleSweep()
    {
        if (!_expiries.TryPeek(out _, out var next) || next >= _sweepAt)
        {
            return;
        }

        _sweepAt = next;
        var due = next - timeProvider.GetUtcNow();
        _sweeper ??= timeProvider.CreateTimer(_ => Sweep(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _sweeper.Change(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private void Sweep()
    {
        lock (_lock)
        {
            if (_sweeper is null)
            {
                return;
            }

            _sweepAt = DateTimeOffset.MaxValue;
            Purge();
            ScheduleSweep();
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
        if (_records.Remove(key, out var removed))
        {
            instrumentation?.MemoryHeld(key.State, -1, -removed.Data.Length);
        }
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
