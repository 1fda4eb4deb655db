using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TaskActors.Gateway.Configuration;
using TaskActors.Gateway.Http;
using TaskActors.Gateway.JsonRpc;
using TaskActors.Gateway.Protocol;
using TaskActors.Gateway.Tasks;
using TaskActors.Grains.Abstractions.Tasks;

namespace TaskActors.Gateway.Handlers;

/// <summary>
/// tasks/get, tasks/result, tasks/list and tasks/cancel (MCP 2025-11-25). A task of another scope is addressed by
/// another grain key, so it answers exactly like an unknown one (-32602).
/// </summary>
internal sealed class TaskHandlers(IGrainFactory grains, TaskRelay relay, IOptions<GatewayOptions> options, ILoggerFactory loggers)
{
    private readonly ILogger _audit = loggers.CreateLogger(AuditLog.Category);

    public async ValueTask<McpReply> GetAsync(McpCall call, CancellationToken cancellationToken)
    {
        var (taskId, grain) = Task(call);
        var view = await grain.GetAsync(call.Session.TaskRequester, cancellationToken).ConfigureAwait(false)
            ?? throw NotFound(call, taskId);
        return new ResultReply(TaskWire.Task(view));
    }

    public async ValueTask<McpReply> ResultAsync(McpCall call, CancellationToken cancellationToken)
    {
        var (taskId, grain) = Task(call);
        var requester = call.Session.TaskRequester;
        var look = await grain.PollAsync(new TaskPollRequest { Requester = requester, AfterSequence = 0, MaxWait = TimeSpan.Zero }, cancellationToken).ConfigureAwait(false);
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
            page = await grains.GetGrain<ITaskScopeGrain>(call.Session.RequestorKey)
                .ListAsync(call.OptionalString("cursor"), options.Value.PageSize, cancellationToken).ConfigureAwait(false);
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
        var result = await grain.CancelAsync(call.Session.TaskRequester, null, cancellationToken).ConfigureAwait(false);
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
        if (taskId.Length > 128 || taskId.Contains('/', StringComparison.Ordinal))
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
