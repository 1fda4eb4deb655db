using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaskActors.Grains.Abstractions.Tasks;

/// <summary>A message a tool run sends to the client: opaque method and params, numbered per task.</summary>
public sealed record TaskMessage
{
    /// <summary>Position in the task's message sequence.</summary>
    [JsonPropertyName("seq")]
    public required long Sequence { get; init; }

    /// <summary>Notification or request.</summary>
    [JsonPropertyName("kind")]
    public required TaskMessageKind Kind { get; init; }

    /// <summary>The JSON-RPC method (empty for status changes).</summary>
    [JsonPropertyName("method")]
    public required string Method { get; init; }

    /// <summary>The JSON-RPC params.</summary>
    [JsonPropertyName("params")]
    public JsonElement? Params { get; init; }

    /// <summary>The JSON-RPC id the client answers with, for requests.</summary>
    [JsonPropertyName("requestId")]
    public string? RequestId { get; init; }

    /// <summary>The task after the change, for status messages.</summary>
    [JsonPropertyName("task")]
    public TaskView? Task { get; init; }
}
