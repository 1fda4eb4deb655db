using System.Globalization;
using TaskActors.Runtime.Abstractions.Identity;
using TaskActors.Runtime.Abstractions.Persistence;

namespace TaskActors.Runtime.Persistence;

/// <summary>Grain storage for the silos of one process. Expired records read as missing.</summary>
public sealed class InMemoryGrainStorage(TimeProvider timeProvider) : IGrainStorage
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string State, GrainId Grain), GrainStateRecord> _records = [];
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

    /// <inheritdoc />
    public Task<GrainStateRecord?> ReadAsync(string stateName, GrainId grainId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(Current((stateName, grainId)));
        }
    }

    /// <inheritdoc />
    public Task<string> WriteAsync(string stateName, GrainId grainId, ReadOnlyMemory<byte> data, string? expectedETag, DateTimeOffset? expiresAt, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var key = (stateName, grainId);
            Check(key, expectedETag, "write");
            var etag = (++_version).ToString(CultureInfo.InvariantCulture);
            _records[key] = new GrainStateRecord(data.ToArray(), etag, expiresAt);
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
            _records.Remove(key);
            return Task.CompletedTask;
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
            _records.Remove(key);
            return null;
        }

        return record;
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
