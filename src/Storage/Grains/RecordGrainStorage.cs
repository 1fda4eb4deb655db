using System.Text.Json;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using TaskActors.Storage.Diagnostics;
using TaskActors.Storage.Records;

namespace TaskActors.Storage.Grains;

/// <summary>
/// An Orleans grain storage provider over an <see cref="IStateRecordStore"/>: states are JSON, every write is one
/// compare-and-set on the ETag, and a state that implements <see cref="IStoredState"/> gives its record an expiry and
/// an index entry in that same write.
/// </summary>
internal sealed class RecordGrainStorage(IStateRecordStore store, IOptions<StateSerializationOptions> serialization, StorageInstrumentation instrumentation) : IGrainStorage
{
    private readonly JsonSerializerOptions _json = serialization.Value.SerializerOptions;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        instrumentation.Read(stateName);
        var record = await store.ReadAsync(stateName, grainId).ConfigureAwait(false);
        if (record is null)
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        grainState.State = JsonSerializer.Deserialize<T>(record.Data.Span, _json) ?? Activator.CreateInstance<T>();
        grainState.ETag = record.ETag;
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        instrumentation.Write(stateName);
        var data = JsonSerializer.SerializeToUtf8Bytes(grainState.State, _json);
        var policy = grainState.State is IStoredState stored ? stored.StoragePolicy : default;
        grainState.ETag = await store.WriteAsync(stateName, grainId, data, grainState.ETag, policy).ConfigureAwait(false);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        instrumentation.Write(stateName);
        await store.ClearAsync(stateName, grainId, grainState.ETag).ConfigureAwait(false);
        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }
}
