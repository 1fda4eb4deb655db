using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TaskActors.Gateway.Cluster;
using TaskActors.Gateway.Configuration;
using TaskActors.Gateway.Http;
using TaskActors.Gateway.JsonRpc;
using TaskActors.Gateway.Protocol;
using TaskActors.Grains.Abstractions.Tasks;

namespace TaskActors.Gateway.Tasks;

/// <summary>
/// Relays a task grain's messages (progress, logs, input requests, status) onto an SSE stream by long-polling the
/// grain, then writes the response its outcome stands for. A broken connection leaves the grain untouched: the
/// client resumes with Last-Event-ID, or calls tasks/result again. A silo that stops answering, or a store that cannot
/// load the grain, does not end the relay: it polls again until the grain answers from another silo (a durable task is
/// re-driven there) or the retry window ends.
/// </summary>
internal sealed partial class TaskRelay(IOptions<GatewayOptions> options, TimeProvider timeProvider, ILogger<TaskRelay> logger)
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
        DateTimeOffset? failingSince = null;
        while (true)
        {
            TaskPollResult poll;
            try
            {
                poll = await grain.PollAsync(
                    new TaskPollRequest { Requester = requester, AfterSequence = cursor, MaxWait = options.Value.LongPollWait, TakeInputs = true },
                    cancellationToken).ConfigureAwait(false);
                failingSince = null;
            }
            catch (Exception ex) when (ClusterFailures.IsRetryable(ex) && !cancellationToken.IsCancellationRequested)
            {
                failingSince ??= timeProvider.GetUtcNow();
                if (timeProvider.GetUtcNow() - failingSince > options.Value.RelayRetryWindow)
                {
                    throw;
                }

                LogPollRetry(logger, relatedTaskId ?? "(plain call)", ex.Message);
                await sse.WriteKeepAliveAsync(cancellationToken).ConfigureAwait(false);
                await Task.Delay(options.Value.TaskPollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!poll.Found)
            {
                var error = relatedTaskId is null
                    ? JsonRpcWriter.Error(requestId, McpErrorCodes.InternalError, "The tool call was interrupted: the silo running it stopped before it finished. It may or may not have taken effect; plain calls are not re-run (run the tool as a task to make it durable).")
                    : JsonRpcWriter.Error(requestId, McpErrorCodes.InvalidParams, "Task not found: it expired or never existed.");
                await sse.WriteMessageAsync(error, cursor, cancellationToken).ConfigureAwait(false);
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
                if (relatedTaskId is null && outcome.Error?.Code == TaskErrorCodes.Cancelled)
                {
                    // A plain call ends cancelled only by the client's notifications/cancelled, which gets no response.
                    return;
                }

                await sse.WriteMessageAsync(MessageRenderer.Response(requestId, outcome, relatedTaskId), cursor, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (poll.Messages.Count == 0)
            {
                await sse.WriteKeepAliveAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Polling task {TaskId} failed ({Reason}); polling again until its grain answers from a live silo")]
    private static partial void LogPollRetry(ILogger logger, string taskId, string reason);
}
