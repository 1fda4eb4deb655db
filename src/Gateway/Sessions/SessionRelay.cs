using Microsoft.Extensions.Options;
using TaskActors.Gateway.Configuration;
using TaskActors.Gateway.Http;
using TaskActors.Gateway.Tasks;
using TaskActors.Grains.Abstractions.Sessions;

namespace TaskActors.Gateway.Sessions;

/// <summary>
/// Relays a session's standalone-stream outbox onto a GET SSE stream until the client leaves, the gateway drains (both
/// end it with an <see cref="OperationCanceledException"/>) or the session ends; the outbox is released either way.
/// </summary>
internal sealed class SessionRelay(IOptions<GatewayOptions> options)
{
    /// <summary>Returns false when another stream already owns the session's outbox.</summary>
    public static async Task<bool> TryClaimAsync(ISessionGrain session, SseStreamId streamId, long cursor, CancellationToken cancellationToken)
    {
        var first = await session.PollAsync(streamId.Nonce, cursor, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        return first.Found && !first.Conflict;
    }

    public async Task RelayAsync(SseStream sse, ISessionGrain session, string protocolVersion, long cursor, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                // Cancelled (the client left, or the gateway drains): the caller tells the two apart.
                cancellationToken.ThrowIfCancellationRequested();
                var poll = await session.PollAsync(sse.Id.Nonce, cursor, options.Value.LongPollWait, cancellationToken).ConfigureAwait(false);
                if (!poll.Found || poll.Conflict)
                {
                    return;
                }

                foreach (var message in poll.Messages)
                {
                    var json = MessageRenderer.Render(message.Kind, message.Method, message.Params, message.RequestId, message.Task, message.RelatedTaskId, protocolVersion);
                    if (json is not null)
                    {
                        await sse.WriteMessageAsync(json, message.Sequence, cancellationToken).ConfigureAwait(false);
                    }
                }

                cursor = poll.NextSequence;
                if (poll.Messages.Count == 0)
                {
                    await sse.WriteKeepAliveAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await session.ReleaseStreamAsync(sse.Id.Nonce, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
