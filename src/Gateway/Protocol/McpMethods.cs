namespace TaskActors.Gateway.Protocol;

/// <summary>The JSON-RPC method names of MCP that the gateway handles or sends.</summary>
internal static class McpMethods
{
    public const string Initialize = "initialize";
    public const string Ping = "ping";
    public const string LoggingSetLevel = "logging/setLevel";
    public const string ToolsList = "tools/list";
    public const string ToolsCall = "tools/call";
    public const string ResourcesList = "resources/list";
    public const string ResourcesTemplatesList = "resources/templates/list";
    public const string ResourcesRead = "resources/read";
    public const string ResourcesSubscribe = "resources/subscribe";
    public const string ResourcesUnsubscribe = "resources/unsubscribe";
    public const string PromptsList = "prompts/list";
    public const string PromptsGet = "prompts/get";
    public const string CompletionComplete = "completion/complete";
    public const string TasksGet = "tasks/get";
    public const string TasksResult = "tasks/result";
    public const string TasksList = "tasks/list";
    public const string TasksCancel = "tasks/cancel";

    public const string InitializedNotification = "notifications/initialized";
    /// <summary>Also sent by task grains (for voided input requests), so it is defined beside them.</summary>
    public const string CancelledNotification = Grains.Abstractions.Tasks.TaskMessageMethods.Cancelled;
    public const string TaskStatusNotification = "notifications/tasks/status";
    public const string ProgressNotification = "notifications/progress";
    public const string MessageNotification = "notifications/message";
    public const string RootsListChangedNotification = "notifications/roots/list_changed";
}
