using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaskActors.Grains.Abstractions.Tasks;

/// <summary>A notification a running tool sends to the client (progress, log message).</summary>
public sealed record TaskNotification
{
    /// <summary>The JSON-RPC method.</summary>
    [JsonPropertyName("method")]
    public required string Method { get; init; }

    /// <summary>The JSON-RPC params.</summary>
    [JsonPropertyName("params")]
    public JsonElement? Params { get; init; }
}
