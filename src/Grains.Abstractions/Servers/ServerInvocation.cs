using System.Text.Json;
using System.Text.Json.Serialization;
using TaskActors.Grains.Abstractions.Tasks;

namespace TaskActors.Grains.Abstractions.Servers;

/// <summary>A plain request (read a resource, get a prompt, complete an argument) for one server's handlers.</summary>
public sealed record ServerInvocation
{
    /// <summary>The JSON-RPC method.</summary>
    [JsonPropertyName("method")]
    public required string Method { get; init; }

    /// <summary>The JSON-RPC params, names already resolved to the owning server's own names.</summary>
    [JsonPropertyName("params")]
    public JsonElement? Params { get; init; }

    /// <summary>The request's context (scope, session, token); the task id is empty.</summary>
    [JsonPropertyName("context")]
    public required TaskContextSnapshot Context { get; init; }
}
