using System.Text.Json;
using TaskActors.Gateway.Cluster;
using TaskActors.Gateway.JsonRpc;
using TaskActors.Gateway.Sessions;
using TaskActors.Grains.Abstractions.Sessions;
using TaskActors.Grains.Abstractions.Tasks;

namespace TaskActors.Gateway.Handlers;

/// <summary>
/// Messages the client sends about the server's requests: answers to input requests, and cancellations. An answer is
/// delivered through the cluster's and the store's passing failures (<see cref="ClusterRetry"/>): a task takes the answer
/// to a pending request once, and ignores it after that.
/// </summary>
internal sealed class ClientMessageHandlers(IGrainFactory grains, TimeProvider timeProvider)
{
    /// <summary>Routes a client's response to the task that asked; false when the id is not one this service issued.</summary>
    public async ValueTask<bool> AnswerAsync(JsonRpcMessage message, McpSession session, Microsoft.AspNetCore.Http.HttpContext http)
    {
        // An id of this service names the task grain that asked, in the answering requester's scope; any other (a forged
        // one) is refused before a grain is called, so that it cannot activate grains of another scope or of no task.
        var requestId = message.IdString;
        if (!InputRequestIds.TryParse(requestId, out var taskKey) || !TaskKeyReader.TryParse(taskKey, out var scope, out _) || scope != session.Requester.Scope)
        {
            return false;
        }

        var answer = new TaskInputAnswer { RequestId = requestId!, Result = message.Result, Error = ReadError(message.Error) };

        // False means already answered (a request re-sent on a new stream is answered twice) or not this principal's; both change nothing.
        var task = grains.GetGrain<ITaskGrain>(taskKey);
        await ClusterRetry.RunAsync(ct => task.AnswerAsync(session.TaskRequester, answer, ct), http, timeProvider).ConfigureAwait(false);

        // Answered, whatever the task made of it: later GET streams are not sent it again.
        var sessionGrain = grains.GetGrain<ISessionGrain>(session.Id);
        await ClusterRetry.RunAsync(
            async ct =>
            {
                await sessionGrain.ForgetRequestAsync(requestId!, ct).ConfigureAwait(false);
                return true;
            },
            http,
            timeProvider).ConfigureAwait(false);
        return true;
    }

    /// <summary>notifications/cancelled: cancels the plain tools/call with that request id in this session.</summary>
    public async ValueTask<McpReply> CancelledAsync(McpCall call, CancellationToken cancellationToken)
    {
        if (call.Params.TryGetProperty("requestId", out var requestId) && requestId.ValueKind is JsonValueKind.String or JsonValueKind.Number)
        {
            var key = TaskKey.Format(call.Session.Requester.Scope, ToolHandlers.PlainCallId(call.Session.Id, requestId.GetRawText()));
            var reason = call.Params.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            await grains.GetGrain<ITaskGrain>(key).CancelAsync(call.Session.TaskRequester, reason ?? "The client cancelled the request.", cancellationToken).ConfigureAwait(false);
        }

        return AcceptedReply.Instance;
    }

    private static TaskError? ReadError(JsonElement? error)
    {
        if (error is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        var code = value.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var parsed) ? parsed : Protocol.McpErrorCodes.InternalError;
        var message = value.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "The client returned an error.";
        return new TaskError { Code = code, Message = message, Data = value.TryGetProperty("data", out var d) ? d.Clone() : null };
    }
}
