using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaskActors.Grains.Abstractions.Tasks;

/// <summary>A JSON-RPC error as an outcome: code, client-safe message, optional data.</summary>
public sealed record TaskError
{
    /// <summary>The JSON-RPC error code.</summary>
    [JsonPropertyName("code")]
    public required int Code { get; init; }

    /// <summary>The message, safe to show to the client.</summary>
    [JsonPropertyName("message")]
    public required string Message { get; init; }

    /// <summary>Additional error data.</summary>
    [JsonPropertyName("data")]
    public JsonElement? Data { get; init; }
}
