using System.Text.Json.Serialization;

namespace TaskActors.Grains.Abstractions.Sessions;

/// <summary>The principal a session is bound to; another principal presenting the session id is refused.</summary>
public sealed record SessionPrincipal
{
    /// <summary>The authorization scope (see <see cref="Tasks.TaskScopes"/>).</summary>
    [JsonPropertyName("scope")]
    public required string Scope { get; init; }

    /// <summary>The token issuer, for authenticated principals.</summary>
    [JsonPropertyName("issuer")]
    public string? Issuer { get; init; }

    /// <summary>The OAuth client id, for authenticated principals.</summary>
    [JsonPropertyName("clientId")]
    public string? ClientId { get; init; }

    /// <summary>The subject, for authenticated principals whose token has one.</summary>
    [JsonPropertyName("sub")]
    public string? Subject { get; init; }
}
