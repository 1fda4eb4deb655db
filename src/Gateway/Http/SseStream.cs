using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using TaskActors.Gateway.Protocol;

namespace TaskActors.Gateway.Http;

/// <summary>
/// One server-sent-events response. Every event carries an id that names the stream, the position a client resumes
/// from (sent back as <c>Last-Event-ID</c>) and a counter that keeps ids unique within the session.
/// </summary>
internal sealed class SseStream(HttpResponse response, SseStreamId id)
{
    private long _events;
    private bool _started;

    public SseStreamId Id { get; } = id;

    public bool HasStarted => _started;

    /// <summary>Sends the headers; with <paramref name="prime"/> also an empty event with an id and the retry delay (2025-11-25).</summary>
    public async Task StartAsync(bool prime, TimeSpan retry, long cursor, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = McpHttpHeaders.EventStream;
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.StartAsync(cancellationToken).ConfigureAwait(false);
        _started = true;
        if (prime)
        {
            var retryMs = ((long)retry.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            await WriteRawAsync($"id: {NextId(cursor)}\nretry: {retryMs}\ndata: \n\n", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes one JSON-RPC message as an event; <paramref name="cursor"/> is where a resumed stream continues.</summary>
    public async Task WriteMessageAsync(byte[] json, long cursor, CancellationToken cancellationToken)
    {
        var header = Encoding.UTF8.GetBytes($"id: {NextId(cursor)}\nevent: message\ndata: ");
        await response.Body.WriteAsync(header, cancellationToken).ConfigureAwait(false);
        await response.Body.WriteAsync(json, cancellationToken).ConfigureAwait(false);
        await response.Body.WriteAsync("\n\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A comment line, so idle connections are noticed when they break.</summary>
    public Task WriteKeepAliveAsync(CancellationToken cancellationToken) => WriteRawAsync(": keep-alive\n\n", cancellationToken);

    /// <summary>Tells the client when to reconnect before the server closes the connection early (polling).</summary>
    public Task WriteRetryAsync(TimeSpan retry, CancellationToken cancellationToken) =>
        WriteRawAsync($"retry: {((long)retry.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)}\n\n", cancellationToken);

    private string NextId(long cursor) => Id.Format(cursor, ++_events);

    private async Task WriteRawAsync(string text, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
