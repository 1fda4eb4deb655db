using System.Text;
using Microsoft.AspNetCore.Http;
using TaskActors.Gateway.Http;
using TaskActors.Gateway.Protocol;

namespace TaskActors.Gateway.Auth;

/// <summary>Writes 401 and 403 answers with the <c>WWW-Authenticate</c> header the MCP authorization spec asks for.</summary>
internal static class AuthChallenges
{
    public static Task WriteAsync(HttpResponse response, RequesterResolution refusal, GatewayAuthOptions options)
    {
        var header = new StringBuilder("Bearer ");
        var parameters = new List<string>();
        if (refusal.Error is { } error)
        {
            parameters.Add($"error=\"{error}\"");
        }

        if (refusal.Description is { } description)
        {
            parameters.Add($"error_description=\"{description.Replace("\"", "'", StringComparison.Ordinal)}\"");
        }

        if (options.RequiredScopes.Count > 0)
        {
            parameters.Add($"scope=\"{string.Join(' ', options.RequiredScopes)}\"");
        }

        if (options.Audience is { } audience)
        {
            parameters.Add($"resource_metadata=\"{ProtectedResourceMetadata.Url(audience)}\"");
        }

        header.AppendJoin(", ", parameters);
        response.Headers.WWWAuthenticate = header.ToString();
        var message = refusal.Status == StatusCodes.Status403Forbidden
            ? $"Forbidden: {refusal.Description}"
            : $"Unauthorized: {refusal.Description ?? "an access token is required."}";
        return TransportErrors.WriteAsync(response, refusal.Status, McpErrorCodes.ServerError, message);
    }
}
