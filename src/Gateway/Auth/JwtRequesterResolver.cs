using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace TaskActors.Gateway.Auth;

/// <summary>
/// Validates the bearer token (issuer, audience bound to this resource, signature, lifetime) with ASP.NET Core's
/// JwtBearer handler and maps it to a requester. The token itself is never logged.
/// </summary>
internal sealed partial class JwtRequesterResolver(IOptions<GatewayAuthOptions> options, ILogger<JwtRequesterResolver> logger) : IRequesterResolver
{
    private const string BearerPrefix = "Bearer ";

    public async ValueTask<RequesterResolution> ResolveAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return options.Value.AllowAnonymous ? RequesterResolution.Accept(Requester.Anonymous) : RequesterResolution.Unauthenticated();
        }

        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return RequesterResolution.Unauthenticated("invalid_request", "Send the access token as 'Authorization: Bearer <token>'.");
        }

        var result = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme).ConfigureAwait(false);
        if (!result.Succeeded || result.Principal is null)
        {
            var reason = Describe(result.Failure);
            LogRejected(logger, reason);
            return RequesterResolution.Unauthenticated("invalid_token", reason);
        }

        var user = result.Principal;
        if (TokenClaims.ClientId(user) is not { } clientId)
        {
            return RequesterResolution.Unauthenticated("invalid_token", "The token names no client (client_id or azp claim).");
        }

        var missing = options.Value.RequiredScopes.Except(TokenClaims.Scopes(user), StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            return RequesterResolution.Forbidden($"The token lacks the scope(s) {string.Join(' ', missing)}.");
        }

        return RequesterResolution.Accept(TokenClaims.ToRequester(user, clientId, header[BearerPrefix.Length..].Trim()));
    }

    private static string Describe(Exception? failure) => failure switch
    {
        SecurityTokenExpiredException => "The token has expired.",
        SecurityTokenNotYetValidException => "The token is not valid yet.",
        SecurityTokenInvalidAudienceException => "The token was not issued for this resource (audience mismatch).",
        SecurityTokenInvalidIssuerException => "The token comes from an issuer this resource does not trust.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The token's signature is invalid.",
        SecurityTokenNoExpirationException => "The token has no expiry.",
        SecurityTokenMalformedException or ArgumentException => "The token is malformed.",
        _ => "The token is invalid.",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a bearer token: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);
}
