namespace TaskActors.Gateway.Configuration;

/// <summary>The MCP endpoint's settings. Bound from <c>TaskActors:Gateway</c>.</summary>
public sealed class GatewayOptions
{
    /// <summary>The configuration section (under <c>TaskActors</c>).</summary>
    public const string SectionName = "Gateway";

    /// <summary>The path of the MCP endpoint. Default <c>/mcp</c>.</summary>
    public string Path { get; set; } = "/mcp";

    /// <summary>The registered MCP server the endpoint serves (its mounted children included). Default <c>samples</c>.</summary>
    public string Server { get; set; } = "samples";

    /// <summary>
    /// Origins allowed to call the endpoint (exact <c>scheme://host[:port]</c>, or <c>*</c>). Requests whose Origin
    /// header is present and not allowed get 403 (DNS-rebinding protection). Default: any origin whose host is
    /// localhost, 127.0.0.1 or [::1], on any port.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>
    /// Host headers the endpoint answers (exact host, host:port, or <c>*</c>). Default: empty, meaning no Host check;
    /// set it when the endpoint is reachable through DNS names you control.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>The largest request body accepted, in bytes; larger ones get 413. Default 4 MiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// The most messages one JSON-RPC batch may hold (protocol 2025-03-26, the only one with batches); a longer batch is
    /// refused whole with 400 before any of it is handled. Default 100.
    /// </summary>
    public int MaxBatchLength { get; set; } = 100;

    /// <summary>
    /// The most sessions that anonymous callers from one client address may open per minute on one gateway replica
    /// (bursts up to this many at once); beyond it initialize answers 429 with Retry-After. Authenticated callers are
    /// limited per user instead (their tasks count against one scope whatever the session). Default 300.
    /// </summary>
    public int AnonymousSessionsPerMinute { get; set; } = 300;

    /// <summary>The task retention used when a client requests none. Default 1 hour.</summary>
    public TimeSpan DefaultTaskTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The shortest task retention granted; shorter requests are raised to it, so a client has time to read a result.
    /// Default 1 s.
    /// </summary>
    public TimeSpan MinTaskTtl { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest task retention granted; longer requests are clamped to it. Default 24 hours.</summary>
    public TimeSpan MaxTaskTtl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The polling interval suggested to clients for tasks. Default 1 s.</summary>
    public TimeSpan TaskPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many items a list page holds (tools, resources, prompts, tasks). Default 100.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>How long one long-poll of a grain lasts; must stay below the grain call deadline. Default 20 s.</summary>
    public TimeSpan LongPollWait { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long a stream relaying a task (tasks/result, a plain call's response) keeps polling after the silo holding
    /// the task stopped answering; the task's grain answers again from another silo once the cluster declares the silo
    /// dead (a durable task is re-driven there). Default 30 s.
    /// </summary>
    public TimeSpan RelayRetryWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The reconnection delay announced in SSE <c>retry</c> fields. Default 1 s.</summary>
    public TimeSpan SseRetry { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Task operations (create, get, result, list, cancel) one requestor may make per second on one gateway replica;
    /// bursts may reach twice this. Beyond it the operation fails with error -32052. Default 1000.
    /// </summary>
    public int TaskOperationsPerSecond { get; set; } = 1000;

    /// <summary>
    /// Request headers copied into a task's context snapshot (case-insensitive names). Never include Authorization:
    /// the token travels in its own encrypted field. Default: user-agent, x-request-id, traceparent, tracestate,
    /// accept-language.
    /// </summary>
    public List<string> ForwardedHeaders { get; set; } = ["user-agent", "x-request-id", "traceparent", "tracestate", "accept-language"];
}
