using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaskActors.Grains.Abstractions.Tasks;

/// <summary>The client's answer to an input request: a result or an error.</summary>
public sealed record TaskInputAnswer
{
    /// <summary>The id of the request it answers.</summary>
    [JsonPropertyName("requestId")]
    public required string RequestId { get; init; }

    /// <summary>The JSON-RPC result.</summary>
    [JsonPropertyName("result")]
    public JsonElement? Result { get; init; }

    /// <summary>The JSON-RPC error.</summary>
    [JsonPropertyName("error")]
    public TaskError? Error { get; init; }
}
