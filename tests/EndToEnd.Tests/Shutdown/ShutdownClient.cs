using System.Text.Json;
using TaskActors.EndToEnd.Tests.Cluster;

namespace TaskActors.EndToEnd.Tests.Shutdown;

/// <summary>
/// tests/e2e/shutdown-client.mjs (the official TS SDK client) reading a task's result from the first of some gateways:
/// it says <c>STREAMING</c> once the tasks/result stream is open there, and after <see cref="TermSentAsync"/> reports
/// how that stream ended, what a request to the stopping gateway got, and how getTaskResult settled.
/// </summary>
public sealed class ShutdownClient : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly NodeClient _script;

    private ShutdownClient(NodeClient script) => _script = script;

    /// <summary>Everything the script printed so far (for failure messages).</summary>
    public string Output => _script.Output;

    /// <summary>Starts the script on <paramref name="gateways"/> (the first is the one to stop), with a task of <paramref name="seconds"/>.</summary>
    public static ShutdownClient Start(IReadOnlyList<string> gateways, string? token, double seconds, bool awaitResult) =>
        new(NodeClient.Start(
            "shutdown-client.mjs",
            [JsonSerializer.Serialize(new { gateways, token, seconds, awaitResult, resultTimeoutMs = 60_000 }, Json)]));

    /// <summary>Waits until getTaskResult's stream is open on the first gateway; returns the task and the session.</summary>
    public async Task<StreamingTask> WaitUntilStreamingAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        JsonSerializer.Deserialize<StreamingTask>(await _script.WaitForLineAsync("STREAMING ", timeout, cancellationToken), Json)!;

    /// <summary>Tells the script that the first gateway was sent SIGTERM.</summary>
    public Task TermSentAsync() => _script.SendAsync("TERM");

    /// <summary>Waits for the script's report.</summary>
    public async Task<ShutdownReport> WaitForReportAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        JsonSerializer.Deserialize<ShutdownReport>(await _script.WaitForLineAsync("RESULT ", timeout, cancellationToken), Json)!;

    public ValueTask DisposeAsync() => _script.DisposeAsync();
}

/// <summary>The task whose result the client reads, and the session it reads it in.</summary>
public sealed record StreamingTask(string TaskId, string SessionId);

/// <summary>What the client saw of a gateway's stop.</summary>
public sealed record ShutdownReport(StreamEnd Stream, IReadOnlyList<Probe> Probes, Settled? Settled, IReadOnlyList<Routed> Routed);

/// <summary>How the tasks/result stream on the stopping gateway ended, and its last event.</summary>
public sealed record StreamEnd(bool Clean, string? Error, long? AfterTermMs, SseEvent LastEvent);

/// <summary>The fields of one server-sent event.</summary>
public sealed record SseEvent(string? Id, string? Retry, string? Data);

/// <summary>
/// A <c>ping</c> sent to the stopping gateway after SIGTERM, then its readiness probe: the answers (<see cref="Ready"/> is
/// the readiness status, null when that request found the gateway gone), or that it could not be reached.
/// </summary>
public sealed record Probe(long AfterTermMs, int? Status, string? RetryAfter, string? ContentType, string? Body, int? Ready, string? Unreachable);

/// <summary>How getTaskResult settled: the result's text, or the error.</summary>
public sealed record Settled(bool Ok, long? AfterTermMs, string? Text, string? Error);

/// <summary>One request the client's balancer sent, where, and what came back.</summary>
public sealed record Routed(int Gateway, string Method, int? Status, string? Unreachable, long? AfterTermMs);
