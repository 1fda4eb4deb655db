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
    private long _cursor;
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
        _cursor = cursor;
        if (prime)
        {
            await WriteRawAsync($"id: {NextId(cursor)}\nretry: {Milliseconds(retry)}\ndata: \n\n", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes one JSON-RPC message as an event; <paramref name="cursor"/> is where a resumed stream continues.</summary>
    public async Task WriteMessageAsync(byte[] json, long cursor, CancellationToken cancellationToken)
    {
        // One write per event: a stream cut mid-event (the client left, the gateway drains) never holds half an event
        // that a final event would then be glued to.
        var header = Encoding.UTF8.GetBytes($"id: {NextId(cursor)}\nevent: message\ndata: ");
        var frame = new byte[header.Length + json.Length + 2];
        header.CopyTo(frame, 0);
        json.CopyTo(frame, header.Length);
        frame[^2] = (byte)'\n';
        frame[^1] = (byte)'\n';
        await response.Body.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
        _cursor = cursor;
    }

    /// <summary>
    /// The last event of a stream the server ends early (the gateway drains): an empty event with an id at the position
    /// reached and the reconnection delay, after which the client resumes with <c>Last-Event-ID</c>, on another replica.
    /// </summary>
    public Task WriteFinalAsync(TimeSpan retry, CancellationToken cancellationToken) =>
        WriteRawAsync($"id: {NextId(_cursor)}\nretry: {Milliseconds(retry)}\ndata: \n\n", cancellationToken);

    /// <summary>A comment line, so idle connections are noticed when they break.</summary>
    public Task WriteKeepAliveAsync(CancellationToken cancellationToken) => WriteRawAsync(": keep-alive\n\n", cancellationToken);

    /// <summary>Tells the client when to reconnect before the server closes the connection early (polling).</summary>
    public Task WriteRetryAsync(TimeSpan retry, CancellationToken cancellationToken) =>
        WriteRawAsync($"retry: {Milliseconds(retry)}\n\n", cancellationToken);

    private static string Milliseconds(TimeSpan span) => ((long)span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

    private string NextId(long cursor) => Id.Format(cursor, ++_events);

    private async Task WriteRawAsync(string text, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
