using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TaskActors.Gateway.Cluster;
using TaskActors.Gateway.Configuration;
using TaskActors.Gateway.Http;
using TaskActors.Gateway.JsonRpc;
using TaskActors.Gateway.Protocol;
using TaskActors.Gateway.Tasks;
using TaskActors.Grains.Abstractions.Tasks;

namespace TaskActors.Gateway.Handlers;

/// <summary>
/// tasks/get, tasks/result, tasks/list and tasks/cancel (MCP 2025-11-25). A task of another scope is addressed by
/// another grain key, so it answers exactly like an unknown one (-32602). Each grain call is retried through the
/// cluster's and the store's passing failures (<see cref="ClusterRetry"/>): reads are safe to repeat, and so is a
/// cancellation.
/// </summary>
internal sealed class TaskHandlers(IGrainFactory grains, TaskRelay relay, IOptions<GatewayOptions> options, TimeProvider timeProvider, ILoggerFactory loggers)
{
    private readonly ILogger _audit = loggers.CreateLogger(AuditLog.Category);

    public async ValueTask<McpReply> GetAsync(McpCall call, CancellationToken cancellationToken)
    {
        var (taskId, grain) = Task(call);
        var requester = call.Session.TaskRequester;
        var view = await ClusterRetry.RunAsync(ct => grain.GetAsync(requester, ct), call.Http, timeProvider).ConfigureAwait(false)
            ?? throw NotFound(call, taskId);
        return new ResultReply(TaskWire.Task(view));
    }

    public async ValueTask<McpReply> ResultAsync(McpCall call, CancellationToken cancellationToken)
    {
        var (taskId, grain) = Task(call);
        var requester = call.Session.TaskRequester;
        var firstLook = new TaskPollRequest { Requester = requester, AfterSequence = 0, MaxWait = TimeSpan.Zero };
        var look = await ClusterRetry.RunAsync(ct => grain.PollAsync(firstLook, ct), call.Http, timeProvider).ConfigureAwait(false);
        if (!look.Found)
        {
            throw NotFound(call, taskId);
        }

        var requestId = call.Message.Id!.Value;
        if (look.Outcome is { } outcome)
        {
            var status = look.View!.Status.ToWireString();
            TaskAudit.Retrieved(_audit, taskId, requester.Scope, status);
            return new RawReply(MessageRenderer.Response(requestId, outcome, taskId));
        }

        // Not terminal: block until it is, relaying the task's input requests and notifications meanwhile.
        var key = TaskKey.Format(requester.Scope, taskId);
        return new StreamReply(
            SseStreamId.New(SseStreamKind.TaskResult, key, call.Message.IdText!),
            0,
            async (sse, ct) =>
            {
                await relay.RelayAsync(sse, grain, requester, 0, call.Session.ProtocolVersion, taskId, requestId, ct).ConfigureAwait(false);
                TaskAudit.Retrieved(_audit, taskId, requester.Scope, "terminal");
            });
    }

    public async ValueTask<McpReply> ListAsync(McpCall call, CancellationToken cancellationToken)
    {
        TaskListPage page;
        try
        {
            var scope = grains.GetGrain<ITaskScopeGrain>(call.Session.RequestorKey);
            var cursor = call.OptionalString("cursor");
            page = await ClusterRetry.RunAsync(ct => scope.ListAsync(cursor, options.Value.PageSize, ct), call.Http, timeProvider).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            throw new McpRequestException(McpErrorCodes.InvalidParams, $"Invalid params: {ex.Message.Split(" (Parameter", 2)[0]}");
        }

        var result = new JsonObject { ["tasks"] = new JsonArray([.. page.Tasks.Select(t => (JsonNode)TaskWire.Task(t))]) };
        if (page.NextCursor is not null)
        {
            result["nextCursor"] = page.NextCursor;
        }

        return new ResultReply(result);
    }

    public async ValueTask<McpReply> CancelAsync(McpCall call, CancellationToken cancellationToken)
    {
        var (taskId, grain) = Task(call);
        var requester = call.Session.TaskRequester;
        var failed = false;
        var result = await ClusterRetry.RunAsync(ct => grain.CancelAsync(requester, null, ct), call.Http, timeProvider, _ => failed = true).ConfigureAwait(false);
        if (failed && result is { Status: TaskCancelStatus.AlreadyTerminal, View.Status: ToolTaskStatus.Cancelled })
        {
            // A try whose answer was lost (its silo stopped, or the store did not answer in time) stored the cancellation.
            result = new TaskCancelResult(TaskCancelStatus.Cancelled, result.View);
        }

        return result.Status switch
        {
            TaskCancelStatus.Cancelled => new ResultReply(TaskWire.Task(result.View!)),
            TaskCancelStatus.AlreadyTerminal => throw new McpRequestException(McpErrorCodes.InvalidParams, $"Cannot cancel task: already in terminal status '{result.View!.Status.ToWireString()}'."),
            _ => throw NotFound(call, taskId),
        };
    }

    private (string TaskId, ITaskGrain Grain) Task(McpCall call)
    {
        var taskId = call.RequiredString("taskId");
        if (taskId.Length > 128 || taskId.Contains('/', StringComparison.Ordinal) || ToolHandlers.IsPlainCallId(taskId))
        {
            throw NotFound(call, taskId);
        }

        return (taskId, grains.GetGrain<ITaskGrain>(TaskKey.Format(call.Session.Requester.Scope, taskId)));
    }

    private McpRequestException NotFound(McpCall call, string taskId)
    {
        var shown = taskId.Length > 64 ? taskId[..64] + "…" : taskId;
        TaskAudit.LookupFailed(_audit, call.Message.Method!, shown, call.Session.Requester.Scope);
        return new(McpErrorCodes.InvalidParams, $"Failed to retrieve task: Task not found ('{shown}').");
    }
}
