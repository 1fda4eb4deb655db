namespace TaskActors.Gateway.Auth;

/// <summary>
/// How the gateway authenticates requests, as an OAuth 2.1 resource server per the MCP authorization specification.
/// Bound from <c>TaskActors:Auth</c>.
/// </summary>
public sealed class GatewayAuthOptions
{
    /// <summary>The configuration section (under <c>TaskActors</c>).</summary>
    public const string SectionName = "Auth";

    /// <summary>Anonymous (default) or Jwt.</summary>
    public AuthMode Mode { get; set; } = AuthMode.Anonymous;

    /// <summary>In Jwt mode, whether requests without a token are served anonymously (default false: they get 401).</summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>The issuer tokens must come from (<c>iss</c>). Required in Jwt mode.</summary>
    public string? Issuer { get; set; }

    /// <summary>This server's resource URI; tokens must be issued for it (<c>aud</c>). Required in Jwt mode, e.g. <c>https://mcp.example.com/mcp</c>.</summary>
    public string? Audience { get; set; }

    /// <summary>An OpenID Connect authority whose discovery document gives the signing keys.</summary>
    public string? Authority { get; set; }

    /// <summary>Whether the authority's metadata must be fetched over HTTPS (default true).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>A JWKS URL to fetch signing keys from (refreshed when a token names an unknown key).</summary>
    public string? JwksUri { get; set; }

    /// <summary>A JWKS file with the signing keys (for example the one <c>taskactors dev-key create</c> writes).</summary>
    public string? JwksFile { get; set; }

    /// <summary>A JWKS document inline (JSON), for configuration that cannot ship files.</summary>
    public string? Jwks { get; set; }

    /// <summary>Scopes every token must carry; a token without them gets 403 insufficient_scope. Default: none.</summary>
    public List<string> RequiredScopes { get; set; } = [];

    /// <summary>The authorization servers advertised in the protected-resource metadata. Default: the issuer.</summary>
    public List<string> AuthorizationServers { get; set; } = [];

    /// <summary>How much clock difference token lifetimes tolerate. Default 30 s.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}
