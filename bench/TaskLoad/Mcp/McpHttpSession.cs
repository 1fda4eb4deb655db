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
    private const int InitializeAttempts = 5;
    private long _nextId;
    private string? _sessionId;

    public long NextId() => _nextId++;

    /// <summary>
    /// Opens the session. A 503, the server's retryable answer while the cluster cannot serve the call, is retried after
    /// its Retry-After, as any MCP client should, up to <see cref="InitializeAttempts"/> times, and said on standard error;
    /// sessions open before the warm-up, so this costs no measured time. Any other answer without a session is an error.
    /// </summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var id = NextId();
            using var response = await SendAsync(HttpMethod.Post, JsonRpcBodies.Initialize(id, ProtocolVersion), cancellationToken);
            if (response.Headers.TryGetValues("mcp-session-id", out var values))
            {
                _sessionId = values.First();
                await JsonRpcResponseReader.ReadResultAsync(response, id, cancellationToken);
                break;
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == InitializeAttempts)
            {
                throw new McpCallException($"initialize answered HTTP {(int)response.StatusCode} without an Mcp-Session-Id header (attempt {attempt}): {body[..Math.Min(body.Length, 400)]}");
            }

            await Console.Error.WriteLineAsync($"initialize answered HTTP 503 (attempt {attempt} of {InitializeAttempts}), retrying: {body[..Math.Min(body.Length, 200)]}");
            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), cancellationToken);
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
