using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TaskActors.Gateway.Http;

/// <summary>A stopping gateway: new requests are refused with 503, open streams end with an event a client resumes from.</summary>
internal sealed partial class StreamableHttpEndpoint
{
    /// <summary>What a request that reaches a draining gateway is told (with HTTP 503 and <c>Retry-After</c>).</summary>
    private const string DrainingMessage = "Service Unavailable: this gateway is shutting down; retry in a second (another replica will answer).";

    /// <summary>Answers 503 with <c>Retry-After</c> and a JSON-RPC error when the gateway drains; false otherwise.</summary>
    private async Task<bool> RefuseWhileDrainingAsync(HttpContext http)
    {
        if (!drain.IsDraining)
        {
            return false;
        }

        LogRefusedDraining(logger, http.Request.Method);
        await WriteUnavailableAsync(http, null, DrainingMessage);
        return true;
    }

    /// <summary>
    /// Runs <paramref name="relay"/> on <paramref name="sse"/> until it ends, the client leaves, or the gateway drains. On
    /// the drain the stream ends with a final event (an id at the position reached and a <c>retry</c>), so the client
    /// reconnects with <c>Last-Event-ID</c> and the stream continues wherever that lands: the grains hold everything.
    /// </summary>
    private async Task RelayUntilDrainedAsync(HttpContext http, SseStream sse, Func<SseStream, CancellationToken, Task> relay)
    {
        using var stream = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, drain.Token);
        try
        {
            await relay(sse, stream.Token);
        }
        catch (OperationCanceledException) when (drain.IsDraining && !http.RequestAborted.IsCancellationRequested)
        {
            await sse.WriteFinalAsync(Options.SseRetry, http.RequestAborted);
            LogStreamEnded(logger, sse.Id.Nonce, "the gateway drains; the client resumes with Last-Event-ID");
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Refused a {HttpMethod} with 503: the gateway drains")]
    private static partial void LogRefusedDraining(ILogger logger, string httpMethod);
}
