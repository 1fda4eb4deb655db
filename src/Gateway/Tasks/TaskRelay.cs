using System.Text.Json;
using Microsoft.Extensions.Options;
using TaskActors.Gateway.Configuration;
using TaskActors.Gateway.Http;
using TaskActors.Gateway.JsonRpc;
using TaskActors.Gateway.Protocol;
using TaskActors.Grains.Abstractions.Tasks;

namespace TaskActors.Gateway.Tasks;

/// <summary>
/// Relays a task grain's messages (progress, logs, input requests, status) onto an SSE stream by long-polling the
/// grain, then writes the response its outcome stands for. A broken connection leaves the grain untouched: the
/// client resumes with Last-Event-ID, or calls tasks/result again.
/// </summary>
internal sealed class TaskRelay(IOptions<GatewayOptions> options)
{
    /// <param name="sse">The stream to write to.</param>
    /// <param name="grain">The task grain.</param>
    /// <param name="requester">Who asks (checked by the grain).</param>
    /// <param name="cursor">Relay messages after this sequence.</param>
    /// <param name="protocolVersion">The session's protocol version.</param>
    /// <param name="relatedTaskId">The background task id, for related-task metadata; null for a plain call.</param>
    /// <param name="requestId">The id of the request the final response answers.</param>
    /// <param name="cancellationToken">Fires when the client disconnects.</param>
    public async Task RelayAsync(SseStream sse, ITaskGrain grain, TaskRequester requester, long cursor, string protocolVersion, string? relatedTaskId, JsonElement requestId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var poll = await grain.PollAsync(
                new TaskPollRequest { Requester = requester, AfterSequence = cursor, MaxWait = options.Value.LongPollWait, TakeInputs = true },
                cancellationToken).ConfigureAwait(false);
            if (!poll.Found)
            {
                await sse.WriteMessageAsync(JsonRpcWriter.Error(requestId, McpErrorCodes.InvalidParams, "Task not found: it expired, was lost with an interrupted plain call, or never existed."), cursor, cancellationToken).ConfigureAwait(false);
                return;
            }

            foreach (var message in poll.Messages)
            {
                var json = MessageRenderer.Render(message.Kind, message.Method, message.Params, message.RequestId, message.Task, relatedTaskId, protocolVersion);
                if (json is not null)
                {
                    await sse.WriteMessageAsync(json, Math.Max(cursor, message.Sequence), cancellationToken).ConfigureAwait(false);
                }
            }

            cursor = poll.NextSequence;
            if (poll.Outcome is { } outcome)
            {
                await sse.WriteMessageAsync(MessageRenderer.Response(requestId, outcome, relatedTaskId), cursor, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (poll.Messages.Count == 0)
            {
                await sse.WriteKeepAliveAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
