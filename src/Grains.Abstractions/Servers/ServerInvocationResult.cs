using System.Text.Json;
using System.Text.Json.Serialization;
using TaskActors.Grains.Abstractions.Tasks;

namespace TaskActors.Grains.Abstractions.Servers;

/// <summary>The JSON-RPC result or error of a <see cref="ServerInvocation"/>.</summary>
/// <param name="Result">The result.</param>
/// <param name="Error">The error.</param>
public sealed record ServerInvocationResult(
    [property: JsonPropertyName("result")] JsonElement? Result,
    [property: JsonPropertyName("error")] TaskError? Error);
