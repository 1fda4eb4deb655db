using TaskActors.Gateway.JsonRpc;
using TaskActors.Gateway.Protocol;

namespace TaskActors.Gateway.Handlers;

/// <summary>Routes requests and notifications to their handlers by method.</summary>
internal sealed class McpDispatcher
{
    private readonly Dictionary<string, McpHandler> _requests;
    private readonly Dictionary<string, McpHandler> _notifications;
    private readonly HashSet<string> _taskMethods = [McpMethods.TasksGet, McpMethods.TasksResult, McpMethods.TasksList, McpMethods.TasksCancel];

    public McpDispatcher(SessionHandlers session, ToolHandlers tools, TaskHandlers tasks, ResourceHandlers resources, PromptHandlers prompts, ClientMessageHandlers client)
    {
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
            return _notifications.TryGetValue(method, out var notification)
                ? await notification(call, cancellationToken).ConfigureAwait(false)
                : AcceptedReply.Instance;
        }

        if (method == McpMethods.Initialize)
        {
            return new ErrorReply(McpErrorCodes.InvalidRequest, "Invalid Request: the session is already initialized.");
        }

        if (!_requests.TryGetValue(method, out var handler) || (_taskMethods.Contains(method) && !McpProtocolVersions.HasTasks(call.Session.ProtocolVersion)))
        {
            return new ErrorReply(McpErrorCodes.MethodNotFound, $"Method not found: '{method}'.");
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
}
