using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using TaskActors.Gateway.JsonRpc;
using TaskActors.Gateway.Protocol;
using TaskActors.Gateway.Tasks;
using TaskActors.Grains.Abstractions.Tasks;

namespace TaskActors.Gateway.Handlers;

/// <summary>
/// Routes requests and notifications to their handlers by method, after checking their params' types
/// (<see cref="ParamsCheck"/>): a handler reads only params of the types its method's schema gives.
/// </summary>
internal sealed class McpDispatcher
{
    private readonly Dictionary<string, McpHandler> _requests;
    private readonly Dictionary<string, McpHandler> _notifications;
    private readonly HashSet<string> _taskMethods = [McpMethods.TasksGet, McpMethods.TasksResult, McpMethods.TasksList, McpMethods.TasksCancel];

    private readonly TaskOperationLimiter _limiter;
    private readonly ILogger _audit;

    public McpDispatcher(SessionHandlers session, ToolHandlers tools, TaskHandlers tasks, ResourceHandlers resources, PromptHandlers prompts, ClientMessageHandlers client, TaskOperationLimiter limiter, ILoggerFactory loggers)
    {
        _limiter = limiter;
        _audit = loggers.CreateLogger(AuditLog.Category);
        _requests = new Dictionary<string, McpHandler>(StringComparer.Ordinal)
        {
            [McpMethods.Ping] = SessionHandlers.PingAsync,
            [McpMethods.LoggingSetLevel] = session.SetLevelAsync,
            [McpMethods.ToolsList] = tools.ListAsync,
            [McpMethods.ToolsCall] = tools.CallAsync,
            [McpMethods.TasksGet] = tasks.GetAsync,
            [McpMethods.TasksResult] = tasks.ResultAsync,
            [McpMethods.TasksList] = tasks.ListAsync,
            [McpMethods.TasksCancel] = tasks.CancelAsync,
            [McpMethods.ResourcesList] = resources.ListAsync,
            [McpMethods.ResourcesTemplatesList] = resources.ListTemplatesAsync,
            [McpMethods.ResourcesRead] = resources.ReadAsync,
            [McpMethods.ResourcesSubscribe] = resources.SubscribeAsync,
            [McpMethods.ResourcesUnsubscribe] = resources.UnsubscribeAsync,
            [McpMethods.PromptsList] = prompts.ListAsync,
            [McpMethods.PromptsGet] = prompts.GetAsync,
            [McpMethods.CompletionComplete] = prompts.CompleteAsync,
        };
        _notifications = new Dictionary<string, McpHandler>(StringComparer.Ordinal)
        {
            [McpMethods.InitializedNotification] = session.InitializedAsync,
            [McpMethods.CancelledNotification] = client.CancelledAsync,
        };
    }

    public async ValueTask<McpReply> DispatchAsync(McpCall call, CancellationToken cancellationToken)
    {
        var method = call.Message.Method!;
        if (call.Message.Kind == JsonRpcMessageKind.Notification)
        {
            if (!_notifications.TryGetValue(method, out var notification))
            {
                return AcceptedReply.Instance;
            }

            return ParamsCheck.Check(method, call.Params) is { } malformed ? malformed : await notification(call, cancellationToken).ConfigureAwait(false);
        }

        if (method == McpMethods.Initialize)
        {
            return new ErrorReply(McpErrorCodes.InvalidRequest, "Invalid Request: the session is already initialized.");
        }

        if (!_requests.TryGetValue(method, out var handler) || (_taskMethods.Contains(method) && !McpProtocolVersions.HasTasks(call.Session.ProtocolVersion)))
        {
            return new ErrorReply(McpErrorCodes.MethodNotFound, $"Method not found: '{method}'.");
        }

        if (ParamsCheck.Check(method, call.Params) is { } invalid)
        {
            return invalid;
        }

        if (IsTaskOperation(call) && !_limiter.TryAcquire(call.Session.RequestorKey))
        {
            TaskAudit.RateLimited(_audit, call.Session.RequestorKey, method);
            return new ErrorReply(TaskErrorCodes.RateLimited, "Rate limit exceeded for task operations; retry in a second.", new JsonObject { ["retryAfterMs"] = 1000 });
        }

        try
        {
            return await handler(call, cancellationToken).ConfigureAwait(false);
        }
        catch (McpRequestException ex)
        {
            return new ErrorReply(ex.Code, ex.Message, ex.ErrorData);
        }
    }

    private bool IsTaskOperation(McpCall call) =>
        _taskMethods.Contains(call.Message.Method!)
        || (call.Message.Method == McpMethods.ToolsCall && call.Params.TryGetProperty("task", out var task) && task.ValueKind != System.Text.Json.JsonValueKind.Null);
}
