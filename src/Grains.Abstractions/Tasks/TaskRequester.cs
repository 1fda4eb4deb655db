using System.Text.Json.Serialization;

namespace TaskActors.Grains.Abstractions.Tasks;

/// <summary>Who asks about a task: a task of another scope is indistinguishable from an unknown one.</summary>
/// <param name="Scope">The requestor's authorization scope.</param>
/// <param name="SessionId">The requestor's MCP session, if any.</param>
public sealed record TaskRequester(
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("sessionId")] string? SessionId);
