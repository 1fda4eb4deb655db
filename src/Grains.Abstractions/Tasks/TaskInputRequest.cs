using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaskActors.Grains.Abstractions.Tasks;

/// <summary>A request the running tool needs the client to answer (elicitation/create, sampling/createMessage).</summary>
public sealed record TaskInputRequest
{
    /// <summary>The JSON-RPC method.</summary>
    [JsonPropertyName("method")]
    public required string Method { get; init; }

    /// <summary>The JSON-RPC params.</summary>
    [JsonPropertyName("params")]
    public JsonElement? Params { get; init; }
}
