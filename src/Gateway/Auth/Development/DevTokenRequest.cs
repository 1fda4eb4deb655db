namespace TaskActors.Gateway.Auth.Development;

/// <summary>What a development access token says.</summary>
public sealed record DevTokenRequest
{
    /// <summary>The issuer (<c>iss</c>); the gateway's <c>Auth:Issuer</c>.</summary>
    public required string Issuer { get; init; }

    /// <summary>The resource the token is for (<c>aud</c>); the gateway's <c>Auth:Audience</c>.</summary>
    public required string Audience { get; init; }

    /// <summary>The OAuth client (<c>client_id</c>).</summary>
    public required string ClientId { get; init; }

    /// <summary>The user (<c>sub</c>), or null for a client-credentials token.</summary>
    public string? Subject { get; init; }

    /// <summary>Granted scopes (<c>scope</c>).</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>How long the token is valid.</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>When it was issued; now by default.</summary>
    public DateTimeOffset? IssuedAt { get; init; }

    /// <summary>More claims.</summary>
    public IReadOnlyDictionary<string, object> ExtraClaims { get; init; } = new Dictionary<string, object>();
}
