using System.Text.Json.Serialization;
using TaskActors.Grains.Abstractions.Sessions;
using TaskActors.Storage.Records;

namespace TaskActors.Grains.Sessions;

/// <summary>The stored state of a session grain.</summary>
public sealed class SessionGrainState : IStoredState
{
    /// <summary>The layout version of this record.</summary>
    [JsonPropertyName("schema")]
    public int SchemaVersion { get; set; } = 1;

    /// <summary>The session; null before initialization.</summary>
    [JsonPropertyName("record")]
    public SessionRecord? Record { get; set; }

    /// <summary>Whether the session was terminated (the record is kept so its id stays refused).</summary>
    [JsonPropertyName("terminated")]
    public bool Terminated { get; set; }

    /// <summary>When the record expires: the session's idle timeout after its last change.</summary>
    [JsonPropertyName("expiresAt")]
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <inheritdoc />
    [JsonIgnore]
    public StateRecordPolicy StoragePolicy => new(ExpiresAt, null);
}
