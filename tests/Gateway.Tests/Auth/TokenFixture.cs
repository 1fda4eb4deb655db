using TaskActors.Gateway.Auth.Development;

namespace TaskActors.Gateway.Tests.Auth;

/// <summary>A signing key the test gateway trusts, and the settings that make the gateway a resource server for it.</summary>
public sealed class TokenFixture : IDisposable
{
    public const string Issuer = "https://issuer.test";
    public const string Audience = "http://localhost/mcp";

    public DevSigningKey Key { get; } = DevSigningKey.Create();

    public Dictionary<string, string?> Settings(bool allowAnonymous = false, params string[] requiredScopes)
    {
        var settings = new Dictionary<string, string?>
        {
            ["TaskActors:Auth:Mode"] = "Jwt",
            ["TaskActors:Auth:Issuer"] = Issuer,
            ["TaskActors:Auth:Audience"] = Audience,
            ["TaskActors:Auth:Jwks"] = Key.ToPublicJwks(),
            ["TaskActors:Auth:AllowAnonymous"] = allowAnonymous ? "true" : "false",
        };
        for (var i = 0; i < requiredScopes.Length; i++)
        {
            settings[$"TaskActors:Auth:RequiredScopes:{i}"] = requiredScopes[i];
        }

        return settings;
    }

    public string Mint(string clientId, string? subject, TimeSpan? lifetime = null, string audience = Audience, string issuer = Issuer, params string[] scopes) =>
        Key.MintToken(new DevTokenRequest
        {
            Issuer = issuer,
            Audience = audience,
            ClientId = clientId,
            Subject = subject,
            Scopes = scopes,
            Lifetime = lifetime ?? TimeSpan.FromHours(1),
        });

    public void Dispose() => Key.Dispose();
}
