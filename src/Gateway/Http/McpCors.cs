using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using TaskActors.Gateway.Configuration;
using TaskActors.Gateway.Protocol;

namespace TaskActors.Gateway.Http;

/// <summary>
/// CORS for browser-based MCP clients, for the origins the endpoint already allows
/// (<see cref="GatewayOptions.AllowedOrigins"/>, the same check as DNS-rebinding protection): a preflight OPTIONS is
/// answered 204 with the methods and request headers of Streamable HTTP, and every response to an allowed origin
/// echoes it and exposes the headers a client must read (<c>Mcp-Session-Id</c> above all). Another origin gets no CORS
/// header at all (its preflight 403), so its browser stops the call.
/// </summary>
internal static class McpCors
{
    private const string AllowedMethods = "GET, POST, DELETE";

    private const string AllowedHeaders = "Content-Type, Accept, Authorization, " + McpHttpHeaders.SessionId + ", " + McpHttpHeaders.ProtocolVersion + ", " + McpHttpHeaders.LastEventId;

    private const string ExposedHeaders = McpHttpHeaders.SessionId + ", " + McpHttpHeaders.ProtocolVersion + ", WWW-Authenticate, Retry-After";

    /// <summary>How long a browser may cache a preflight answer, in seconds.</summary>
    private const string MaxAgeSeconds = "600";

    /// <summary>An endpoint convention: every response of the endpoint gets the CORS headers its origin is due.</summary>
    public static void Apply(EndpointBuilder endpoint)
    {
        var inner = endpoint.RequestDelegate ?? throw new InvalidOperationException("The MCP endpoint has no request delegate.");
        endpoint.RequestDelegate = http =>
        {
            // On starting, so that a handler that clears the response (the last-resort 500) keeps them.
            http.Response.OnStarting(static state => AddResponseHeaders((HttpContext)state), http);
            return inner(http);
        };
    }

    /// <summary>
    /// OPTIONS: a CORS preflight (with <c>Access-Control-Request-Method</c>) from an allowed origin gets 204 and the
    /// CORS headers, one from another origin 403; any other OPTIONS is a method the endpoint does not take (405).
    /// </summary>
    public static async Task HandleOptionsAsync(HttpContext http)
    {
        if (!IsPreflight(http.Request))
        {
            await StreamableHttpEndpoint.HandleOtherAsync(http);
            return;
        }

        if (!IsAllowedCrossOrigin(http))
        {
            await TransportErrors.WriteAsync(http.Response, StatusCodes.Status403Forbidden, McpErrorCodes.ServerError, "Forbidden: this Origin may not call the MCP endpoint.");
            return;
        }

        var headers = http.Response.Headers;
        headers.AccessControlAllowMethods = AllowedMethods;
        headers.AccessControlAllowHeaders = AllowedHeaders;
        headers.AccessControlMaxAge = MaxAgeSeconds;
        http.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static bool IsPreflight(HttpRequest request) =>
        !string.IsNullOrEmpty(request.Headers.Origin) && !string.IsNullOrEmpty(request.Headers.AccessControlRequestMethod);

    private static bool IsAllowedCrossOrigin(HttpContext http) =>
        !string.IsNullOrEmpty(http.Request.Headers.Origin)
        && RequestChecks.IsOriginAllowed(http.Request, http.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value);

    private static Task AddResponseHeaders(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.Append(HeaderNames.Vary, HeaderNames.Origin);
        if (IsAllowedCrossOrigin(http))
        {
            headers.AccessControlAllowOrigin = http.Request.Headers.Origin.ToString();
            headers.AccessControlExposeHeaders = ExposedHeaders;
        }

        return Task.CompletedTask;
    }
}
