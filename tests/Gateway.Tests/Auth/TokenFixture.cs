using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
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

    /// <summary>A token signed by <see cref="Key"/> that has no <c>exp</c> claim at all (the dev key always sets one).</summary>
    public string MintWithoutExpiry(string clientId, string subject)
    {
        var document = JsonNode.Parse(Key.ToPrivateJson())!;
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportECPrivateKey(Convert.FromBase64String((string)document["privateKey"]!), out _);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = new Dictionary<string, object> { ["client_id"] = clientId, ["sub"] = subject },
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(ecdsa) { KeyId = Key.KeyId }, SecurityAlgorithms.EcdsaSha256),
        });
    }

    public void Dispose() => Key.Dispose();
}
