using System.Text.Json;
using System.Text.Json.Serialization;
using TaskActors.Grains.Abstractions.Tasks;

namespace TaskActors.Grains.Abstractions.Sessions;

/// <summary>A message for the session's standalone (GET) stream: a notification or a task's input request.</summary>
public sealed record SessionMessage
{
    /// <summary>Position in the session's message sequence (assigned by the session).</summary>
    [JsonPropertyName("seq")]
    public long Sequence { get; init; }

    /// <summary>Notification or request.</summary>
    [JsonPropertyName("kind")]
    public required TaskMessageKind Kind { get; init; }

    /// <summary>The JSON-RPC method (empty for status changes).</summary>
    [JsonPropertyName("method")]
    public required string Method { get; init; }

    /// <summary>The JSON-RPC params.</summary>
    [JsonPropertyName("params")]
    public JsonElement? Params { get; init; }

    /// <summary>The JSON-RPC id, for requests.</summary>
    [JsonPropertyName("requestId")]
    public string? RequestId { get; init; }

    /// <summary>The background task the message belongs to, if any.</summary>
    [JsonPropertyName("relatedTask")]
    public string? RelatedTaskId { get; init; }

    /// <summary>The task after the change, for status messages.</summary>
    [JsonPropertyName("task")]
    public TaskView? Task { get; init; }
}
