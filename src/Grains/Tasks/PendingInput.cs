using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaskActors.Grains.Tasks;

/// <summary>An input request of a task that the client has not answered yet (kept in task state until answered).</summary>
public sealed class PendingInput
{
    /// <summary>The JSON-RPC id the client answers with.</summary>
    [JsonPropertyName("requestId")]
    public required string RequestId { get; init; }

    /// <summary>The JSON-RPC method.</summary>
    [JsonPropertyName("method")]
    public required string Method { get; init; }

    /// <summary>The JSON-RPC params.</summary>
    [JsonPropertyName("params")]
    public JsonElement? Params { get; init; }

    /// <summary>The run attempt that asked.</summary>
    [JsonPropertyName("attempt")]
    public required int Attempt { get; init; }
}
