using System.Text.Json.Serialization;

namespace TaskActors.Grains.Abstractions.Tasks;

/// <summary>
/// The caller's access token as it was when the task was submitted, restored into the tool's context on whichever silo
/// runs it. Stored encrypted in task state; never logged.
/// </summary>
public sealed record AccessTokenSnapshot
{
    /// <summary>The raw bearer token.</summary>
    [JsonPropertyName("token")]
    public required string Token { get; init; }

    /// <summary>The OAuth client the token was issued to.</summary>
    [JsonPropertyName("clientId")]
    public required string ClientId { get; init; }

    /// <summary>The subject (user), when the token has one.</summary>
    [JsonPropertyName("sub")]
    public string? Subject { get; init; }

    /// <summary>The granted scopes.</summary>
    [JsonPropertyName("scopes")]
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>When the token expires; after it the tool sees no token.</summary>
    [JsonPropertyName("expiresAt")]
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The token's claims (string-valued; multi-valued claims joined with spaces).</summary>
    [JsonPropertyName("claims")]
    public IReadOnlyDictionary<string, string> Claims { get; init; } = new Dictionary<string, string>();
}
