using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaskActors.Gateway.Tests.Infrastructure;

/// <summary>
/// A deliberately plain MCP client for tests: it speaks Streamable HTTP with raw JSON-RPC, reads JSON and SSE
/// responses, and answers the server's requests through <see cref="OnRequest"/>.
/// </summary>
public sealed class McpHttpClient(HttpClient http, string path = "/mcp")
{
    private int _nextId;

    public HttpClient Http => http;

    public string Path => path;

    public string? SessionId { get; set; }

    public string ProtocolVersion { get; set; } = "2025-11-25";

    /// <summary>Extra headers for every request (e.g. Authorization).</summary>
    public Dictionary<string, string> Headers { get; } = [];

    /// <summary>Answers a server request (elicitation, sampling); return null to leave it unanswered.</summary>
    public Func<JsonElement, JsonNode?>? OnRequest { get; set; }

    public async Task<RpcResult> InitializeAsync(string version = "2025-11-25", JsonObject? capabilities = null, CancellationToken cancellationToken = default)
    {
        var result = await RequestAsync("initialize", new JsonObject
        {
            ["protocolVersion"] = version,
            ["capabilities"] = capabilities ?? new JsonObject { ["elicitation"] = new JsonObject(), ["sampling"] = new JsonObject() },
            ["clientInfo"] = new JsonObject { ["name"] = "gateway-tests", ["version"] = "1.0.0" },
        }, cancellationToken);
        if (!result.IsError)
        {
            ProtocolVersion = result.Result.GetProperty("protocolVersion").GetString()!;
            using var initialized = await NotifyAsync("notifications/initialized", null, cancellationToken);
        }

        return result;
    }

    public async Task<HttpResponseMessage> NotifyAsync(string method, JsonNode? parameters, CancellationToken cancellationToken = default)
    {
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method };
        if (parameters is not null)
        {
            message["params"] = parameters;
        }

        return await PostAsync(message.ToJsonString(), cancellationToken: cancellationToken);
    }

    /// <summary>Sends a request and reads its response (from JSON or an SSE stream), answering server requests on the way.</summary>
    public async Task<RpcResult> RequestAsync(string method, JsonNode? parameters, CancellationToken cancellationToken = default)
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method };
        if (parameters is not null)
        {
            message["params"] = parameters;
        }

        using var response = await PostAsync(message.ToJsonString(), cancellationToken: cancellationToken);
        if (method == "initialize" && response.Headers.TryGetValues("Mcp-Session-Id", out var sessionIds))
        {
            SessionId = sessionIds.First();
        }

        return await ReadResponseAsync(response, id, cancellationToken);
    }

    /// <summary>Posts a raw body with the usual headers; <paramref name="configure"/> can change them.</summary>
    public async Task<HttpResponseMessage> PostAsync(string body, Action<HttpRequestMessage>? configure = null, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        AddSessionHeaders(request);
        configure?.Invoke(request);
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    /// <summary>Opens a GET stream (optionally resuming from an event id).</summary>
    public async Task<HttpResponseMessage> GetStreamAsync(string? lastEventId = null, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        AddSessionHeaders(request);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    public async Task<HttpResponseMessage> DeleteAsync(CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, path);
        AddSessionHeaders(request);
        return await http.SendAsync(request, cancellationToken);
    }

    /// <summary>Reads the response with the given id from a JSON or SSE response.</summary>
    public async Task<RpcResult> ReadResponseAsync(HttpResponseMessage response, int id, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType == "text/event-stream")
        {
            var messages = new List<JsonElement>();
            var events = new List<SseEvent>();
            using var reader = new SseReader(await response.Content.ReadAsStreamAsync(cancellationToken));
            while (await reader.ReadAsync(cancellationToken) is { } sseEvent)
            {
                events.Add(sseEvent);
                if (sseEvent.Data is not { } data)
                {
                    continue;
                }

                if (data.TryGetProperty("id", out var responseId) && !data.TryGetProperty("method", out _) && responseId.ValueKind == JsonValueKind.Number && responseId.GetInt32() == id)
                {
                    return new RpcResult(data, messages, events, true);
                }

                messages.Add(data);
                if (data.TryGetProperty("method", out _) && data.TryGetProperty("id", out var requestId) && OnRequest?.Invoke(data) is { } answer)
                {
                    await AnswerAsync(requestId, answer, cancellationToken);
                }
            }

            throw new InvalidOperationException($"The SSE stream ended without the response to request {id}; events: {string.Join(" | ", events.Select(e => e.Data?.GetRawText() ?? "(empty)"))}");
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrEmpty(body))
        {
            throw new InvalidOperationException($"HTTP {(int)response.StatusCode} with an empty body.");
        }

        return new RpcResult(JsonDocument.Parse(body).RootElement.Clone(), [], [], false);
    }

    /// <summary>Posts a JSON-RPC response to a server request.</summary>
    public async Task AnswerAsync(JsonElement requestId, JsonNode result, CancellationToken cancellationToken = default)
    {
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = JsonNode.Parse(requestId.GetRawText()), ["result"] = result };
        using var answered = await PostAsync(message.ToJsonString(), cancellationToken: cancellationToken);
        if (answered.StatusCode != System.Net.HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"Answering {requestId.GetRawText()} got HTTP {(int)answered.StatusCode}: {await answered.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    private void AddSessionHeaders(HttpRequestMessage request)
    {
        if (SessionId is not null)
        {
            request.Headers.Add("Mcp-Session-Id", SessionId);
            request.Headers.Add("MCP-Protocol-Version", ProtocolVersion);
        }

        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
