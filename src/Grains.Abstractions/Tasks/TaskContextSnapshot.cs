using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaskActors.Grains.Abstractions.Tasks;

/// <summary>
/// Everything a background tool run needs to know about the request that started it, captured at submission and kept
/// as task state, so the run sees the same context on any silo, minutes later, after the session is gone.
/// </summary>
public sealed record TaskContextSnapshot
{
    /// <summary>The task id (unguessable, 128 random bits).</summary>
    [JsonPropertyName("taskId")]
    public required string TaskId { get; init; }

    /// <summary>The authorization scope the task is bound to.</summary>
    [JsonPropertyName("scope")]
    public required string Scope { get; init; }

    /// <summary>The MCP session that submitted the task, if any.</summary>
    [JsonPropertyName("sessionId")]
    public string? SessionId { get; init; }

    /// <summary>The JSON-RPC id of the submitting request, as JSON text (a string or a number).</summary>
    [JsonPropertyName("originRequestId")]
    public string? OriginRequestId { get; init; }

    /// <summary>The caller's access token at submission; null for anonymous callers.</summary>
    [JsonPropertyName("accessToken")]
    public AccessTokenSnapshot? AccessToken { get; init; }

    /// <summary>Request headers on the gateway's documented allow-list.</summary>
    [JsonPropertyName("headers")]
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>The path of the (possibly mounted) server that owns the tool, e.g. <c>samples/child</c>.</summary>
    [JsonPropertyName("server")]
    public required string Server { get; init; }

    /// <summary>The tool's own name within its server.</summary>
    [JsonPropertyName("tool")]
    public required string Tool { get; init; }

    /// <summary>The name the client called, including mount prefixes, e.g. <c>child_whoami</c>.</summary>
    [JsonPropertyName("exposedTool")]
    public required string ExposedTool { get; init; }

    /// <summary>The tool arguments (a JSON object), already validated against the tool's input schema.</summary>
    [JsonPropertyName("arguments")]
    public JsonElement? Arguments { get; init; }

    /// <summary>The progress token of the submitting request, if it had one.</summary>
    [JsonPropertyName("progressToken")]
    public JsonElement? ProgressToken { get; init; }

    /// <summary>The W3C traceparent of the submitting request.</summary>
    [JsonPropertyName("traceparent")]
    public string? TraceParent { get; init; }

    /// <summary>The protocol version negotiated by the submitting session.</summary>
    [JsonPropertyName("protocolVersion")]
    public required string ProtocolVersion { get; init; }

    /// <summary>The client's declared capabilities (JSON), to decide what may be asked of it.</summary>
    [JsonPropertyName("clientCapabilities")]
    public JsonElement? ClientCapabilities { get; init; }

    /// <summary>The client's implementation info (JSON).</summary>
    [JsonPropertyName("clientInfo")]
    public JsonElement? ClientInfo { get; init; }

    /// <summary>The session's minimum log level at submission (MCP level name), or null for none set.</summary>
    [JsonPropertyName("logLevel")]
    public string? LogLevel { get; init; }
}
