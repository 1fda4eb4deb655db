using System.Globalization;
using System.Security.Claims;
using TaskActors.Grains.Abstractions.Sessions;
using TaskActors.Grains.Abstractions.Tasks;

namespace TaskActors.Gateway.Auth;

/// <summary>Reads the requester out of a validated access token's claims (RFC 9068 names, with common aliases).</summary>
internal static class TokenClaims
{
    /// <summary>The OAuth client: <c>client_id</c> (RFC 9068), else <c>azp</c> (OIDC), else <c>cid</c> (Okta).</summary>
    public static string? ClientId(ClaimsPrincipal user) =>
        First(user, "client_id") ?? First(user, "azp") ?? First(user, "cid");

    /// <summary>Granted scopes: the space-separated <c>scope</c> claim and any <c>scp</c> claims.</summary>
    public static IReadOnlyList<string> Scopes(ClaimsPrincipal user) =>
        [.. user.FindAll("scope").SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Concat(user.FindAll("scp").SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .Distinct(StringComparer.Ordinal)];

    public static Requester ToRequester(ClaimsPrincipal user, string clientId, string rawToken)
    {
        var subject = First(user, "sub");
        var expiresAt = long.TryParse(First(user, "exp"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var exp)
            ? DateTimeOffset.FromUnixTimeSeconds(exp)
            : (DateTimeOffset?)null;
        var principal = new SessionPrincipal
        {
            Scope = TaskScopes.ForToken(clientId, subject),
            Issuer = First(user, "iss"),
            ClientId = clientId,
            Subject = subject,
        };
        var token = new AccessTokenSnapshot
        {
            Token = rawToken,
            ClientId = clientId,
            Subject = subject,
            Scopes = Scopes(user),
            ExpiresAt = expiresAt,
            Claims = user.Claims.GroupBy(c => c.Type, StringComparer.Ordinal).ToDictionary(g => g.Key, g => string.Join(' ', g.Select(c => c.Value)), StringComparer.Ordinal),
        };
        return new Requester(principal, token);
    }

    private static string? First(ClaimsPrincipal user, string type) => user.FindFirst(type)?.Value is { Length: > 0 } value ? value : null;
}
