using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TaskActors.Gateway.Auth.Development;

/// <summary>
/// A local ES256 signing key for trying auth without an authorization server: it mints access tokens, and its public
/// JWKS is what the gateway trusts (<c>TaskActors:Auth:JwksFile</c>). For development and tests only.
/// </summary>
public sealed class DevSigningKey : IDisposable
{
    private readonly ECDsa _key;

    private DevSigningKey(ECDsa key, string keyId)
    {
        _key = key;
        KeyId = keyId;
    }

    /// <summary>The key's id (<c>kid</c>), so keys can rotate.</summary>
    public string KeyId { get; }

    /// <summary>Creates a new random P-256 key.</summary>
    public static DevSigningKey Create() =>
        new(ECDsa.Create(ECCurve.NamedCurves.nistP256), "dev-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));

    /// <summary>Loads a key written by <see cref="ToPrivateJson"/>.</summary>
    public static DevSigningKey FromPrivateJson(string json)
    {
        var document = JsonNode.Parse(json) ?? throw new FormatException("The signing key file is empty.");
        var key = ECDsa.Create();
        key.ImportECPrivateKey(Convert.FromBase64String((string)document["privateKey"]!), out _);
        return new DevSigningKey(key, (string)document["kid"]!);
    }

    /// <summary>The private key, to keep in a file only its owner can read.</summary>
    public string ToPrivateJson() =>
        new JsonObject { ["kid"] = KeyId, ["alg"] = SecurityAlgorithms.EcdsaSha256, ["privateKey"] = Convert.ToBase64String(_key.ExportECPrivateKey()) }.ToJsonString();

    /// <summary>The public key as a JWKS document, for the gateway to trust.</summary>
    public string ToPublicJwks()
    {
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["use"] = "sig",
            ["alg"] = SecurityAlgorithms.EcdsaSha256,
            ["kid"] = KeyId,
            ["x"] = Base64UrlEncoder.Encode(parameters.Q.X),
            ["y"] = Base64UrlEncoder.Encode(parameters.Q.Y),
        };
        return new JsonObject { ["keys"] = new JsonArray(jwk) }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Mints an access token (RFC 9068 claims: iss, aud, client_id, sub, scope, iat, nbf, exp, jti).</summary>
    public string MintToken(DevTokenRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = request.IssuedAt ?? DateTimeOffset.UtcNow;
        var claims = new Dictionary<string, object> { ["client_id"] = request.ClientId, ["jti"] = Guid.NewGuid().ToString("N") };
        if (request.Subject is { } subject)
        {
            claims["sub"] = subject;
        }

        if (request.Scopes.Count > 0)
        {
            claims["scope"] = string.Join(' ', request.Scopes);
        }

        foreach (var (name, value) in request.ExtraClaims)
        {
            claims[name] = value;
        }

        var securityKey = new ECDsaSecurityKey(_key) { KeyId = KeyId };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = request.Issuer,
            Audience = request.Audience,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + request.Lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(securityKey, SecurityAlgorithms.EcdsaSha256),
            TokenType = "at+jwt",
        });
    }

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();
}
