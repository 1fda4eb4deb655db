using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace TaskActors.TaskLoad.Mcp;

/// <summary>
/// One MCP session over Streamable HTTP, as raw JSON-RPC: initialize and notifications/initialized, then requests
/// one at a time with the session and protocol-version headers, and DELETE at the end.
/// </summary>
internal sealed class McpHttpSession(HttpClient http, Uri endpoint)
{
    public const string ProtocolVersion = "2025-11-25";
    private long _nextId;
    private string? _sessionId;

    public long NextId() => _nextId++;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var id = NextId();
        using (var response = await SendAsync(HttpMethod.Post, JsonRpcBodies.Initialize(id, ProtocolVersion), cancellationToken))
        {
            _sessionId = response.Headers.TryGetValues("mcp-session-id", out var values) ? values.First() : throw new McpCallException("initialize answered without an Mcp-Session-Id header.");
            await JsonRpcResponseReader.ReadResultAsync(response, id, cancellationToken);
        }

        using var initialized = await SendAsync(HttpMethod.Post, JsonRpcBodies.Notification("notifications/initialized"), cancellationToken);
        if (initialized.StatusCode != HttpStatusCode.Accepted)
        {
            throw new McpCallException($"notifications/initialized answered HTTP {(int)initialized.StatusCode}.");
        }
    }

    /// <summary>Sends a request built for id <paramref name="id"/> and returns its result.</summary>
    public async Task<JsonElement> RequestAsync(long id, byte[] body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, body, cancellationToken);
        return await JsonRpcResponseReader.ReadResultAsync(response, id, cancellationToken);
    }

    /// <summary>Ends the session (best effort: the server process ends right after anyway).</summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        if (_sessionId is not null)
        {
            using var response = await SendAsync(HttpMethod.Delete, null, cancellationToken);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, byte[]? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, endpoint);
        request.Headers.TryAddWithoutValidation("Accept", "application/json, text/event-stream");

        if (_sessionId is not null)
        {
            request.Headers.Add("mcp-session-id", _sessionId);
            request.Headers.Add("mcp-protocol-version", ProtocolVersion);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    /// <summary>An HTTP client for many sessions against one server: pooled loopback connections, no proxy, no cookies.</summary>
    public static HttpClient CreateHttpClient() => new(new SocketsHttpHandler
    {
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };
}
