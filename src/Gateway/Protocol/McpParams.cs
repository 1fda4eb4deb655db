namespace TaskActors.Gateway.Protocol;

/// <summary>
/// The parameters of each method the gateway serves, with the JSON types the MCP schema (2025-11-25) gives them. A
/// parameter of the wrong type is a malformed request, refused before any handler runs; members not listed here are
/// allowed by JSON-RPC and MCP and ignored. Parents come before their members, so the outermost problem is reported.
/// </summary>
internal static class McpParams
{
    /// <summary>What every request and notification may carry.</summary>
    private static readonly McpParam[] Common = [new("_meta", McpParamType.Object), new("_meta." + McpMetaKeys.ProgressToken, McpParamType.StringOrNumber)];

    private static readonly McpParam[] Cursor = [new("cursor", McpParamType.String)];

    private static readonly McpParam[] Uri = [new("uri", McpParamType.String, Required: true)];

    private static readonly McpParam[] TaskId = [new("taskId", McpParamType.String, Required: true)];

    private static readonly Dictionary<string, McpParam[]> ByMethod = new(StringComparer.Ordinal)
    {
        [McpMethods.Initialize] =
        [
            new("protocolVersion", McpParamType.String, Required: true),
            new("capabilities", McpParamType.Object, Required: true),
            new("clientInfo", McpParamType.Object, Required: true),
            new("clientInfo.name", McpParamType.String, Required: true),
            new("clientInfo.version", McpParamType.String, Required: true),
        ],
        [McpMethods.LoggingSetLevel] = [new("level", McpParamType.String, Required: true)],
        [McpMethods.ToolsList] = Cursor,
        [McpMethods.ToolsCall] =
        [
            new("name", McpParamType.String, Required: true),
            new("arguments", McpParamType.Object),
            new("task", McpParamType.Object),
            new("task.ttl", McpParamType.Milliseconds),
        ],
        [McpMethods.ResourcesList] = Cursor,
        [McpMethods.ResourcesTemplatesList] = Cursor,
        [McpMethods.ResourcesRead] = Uri,
        [McpMethods.ResourcesSubscribe] = Uri,
        [McpMethods.ResourcesUnsubscribe] = Uri,
        [McpMethods.PromptsList] = Cursor,
        [McpMethods.PromptsGet] =
        [
            new("name", McpParamType.String, Required: true),
            new("arguments", McpParamType.Object),
            new("arguments.*", McpParamType.String),
        ],
        [McpMethods.CompletionComplete] =
        [
            new("ref", McpParamType.Object, Required: true),
            new("ref.type", McpParamType.String, Required: true),
            new("ref.name", McpParamType.String),
            new("ref.uri", McpParamType.String),
            new("argument", McpParamType.Object, Required: true),
            new("argument.name", McpParamType.String, Required: true),
            new("argument.value", McpParamType.String, Required: true),
            new("context", McpParamType.Object),
            new("context.arguments", McpParamType.Object),
            new("context.arguments.*", McpParamType.String),
        ],
        [McpMethods.TasksGet] = TaskId,
        [McpMethods.TasksResult] = TaskId,
        [McpMethods.TasksList] = Cursor,
        [McpMethods.TasksCancel] = TaskId,
        [McpMethods.CancelledNotification] = [new("requestId", McpParamType.StringOrNumber), new("reason", McpParamType.String)],
    };

    /// <summary>The parameters of <paramref name="method"/>, the common ones first.</summary>
    public static IEnumerable<McpParam> Of(string method) =>
        ByMethod.TryGetValue(method, out var own) ? Common.Concat(own) : Common;
}
