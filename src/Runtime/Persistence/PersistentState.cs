using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TaskActors.Runtime.Abstractions.Identity;
using TaskActors.Runtime.Abstractions.Persistence;
using TaskActors.Runtime.Diagnostics;

namespace TaskActors.Runtime.Persistence;

/// <summary>One named state of one activation, bound to its storage provider.</summary>
internal sealed class PersistentState<TState>(
    string stateName,
    GrainId grainId,
    IGrainStorage storage,
    JsonTypeInfo<TState> typeInfo,
    RuntimeMetrics metrics) : IPersistentState<TState>, IGrainStateLoader
    where TState : class, new()
{
    public TState State { get; set; } = new();

    public string? Etag { get; private set; }

    public bool RecordExists => Etag is not null;

    public DateTimeOffset? ExpiresAt { get; set; }

    public StateIndexEntry? Index { get; set; }

    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        var record = await storage.ReadAsync(stateName, grainId, cancellationToken);
        metrics.StateRead(stateName);
        if (record is null)
        {
            State = new TState();
            Etag = null;
            ExpiresAt = null;
            Index = null;
            return;
        }

        State = JsonSerializer.Deserialize(record.Data.Span, typeInfo) ?? new TState();
        Etag = record.ETag;
        ExpiresAt = record.ExpiresAt;
        Index = record.Index;
    }

    public async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        var data = JsonSerializer.SerializeToUtf8Bytes(State, typeInfo);
        Etag = await storage.WriteAsync(stateName, grainId, data, Etag, ExpiresAt, Index, cancellationToken);
        metrics.StateWritten(stateName);
    }

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        await storage.ClearAsync(stateName, grainId, Etag, cancellationToken);
        metrics.StateWritten(stateName);
        State = new TState();
        Etag = null;
        ExpiresAt = null;
        Index = null;
    }

    Task IGrainStateLoader.LoadAsync(CancellationToken cancellationToken) => ReadStateAsync(cancellationToken);
}
