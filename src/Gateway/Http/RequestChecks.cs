using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using TaskActors.Gateway.Configuration;

namespace TaskActors.Gateway.Http;

/// <summary>The transport-level checks of Streamable HTTP: origin, host, accepted and sent media types.</summary>
internal static class RequestChecks
{
    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]", "::1"];

    /// <summary>False when an Origin header is present and not allowed (DNS-rebinding protection: answer 403).</summary>
    public static bool IsOriginAllowed(HttpRequest request, GatewayOptions options)
    {
        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }

        if (options.AllowedOrigins.Count > 0)
        {
            return options.AllowedOrigins.Any(o => o == "*" || string.Equals(o.TrimEnd('/'), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var uri) && LoopbackHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>False when allowed hosts are configured and the Host header is not one of them.</summary>
    public static bool IsHostAllowed(HttpRequest request, GatewayOptions options)
    {
        if (options.AllowedHosts.Count == 0)
        {
            return true;
        }

        var host = request.Host;
        return options.AllowedHosts.Any(h => h == "*"
            || string.Equals(h, host.Value, StringComparison.OrdinalIgnoreCase)
            || string.Equals(h, host.Host, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether the Accept header lists both JSON and SSE (wildcards count), as POST requires.</summary>
    public static bool AcceptsJsonAndEventStream(HttpRequest request) =>
        Accepts(request, "application", "json") && Accepts(request, "text", "event-stream");

    /// <summary>Whether the Accept header lists SSE, as GET requires.</summary>
    public static bool AcceptsEventStream(HttpRequest request) => Accepts(request, "text", "event-stream");

    /// <summary>Whether the body is declared as JSON.</summary>
    public static bool IsJsonContent(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
        && mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    private static bool Accepts(HttpRequest request, string type, string subtype)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept.ToArray()!, out var accepted))
        {
            return false;
        }

        return accepted.Any(m =>
            (m.Type.Equals("*", StringComparison.Ordinal) || m.Type.Equals(type, StringComparison.OrdinalIgnoreCase))
            && (m.SubType.Equals("*", StringComparison.Ordinal) || m.SubType.Equals(subtype, StringComparison.OrdinalIgnoreCase)));
    }
}
