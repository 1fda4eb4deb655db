using System.Text.Json.Nodes;
using TaskActors.Gateway.JsonRpc;
using TaskActors.Gateway.Protocol;
using TaskActors.Grains.Abstractions.Tasks;

namespace TaskActors.Gateway.Tasks;

/// <summary>
/// Renders engine messages in a session's protocol version: task-related messages get related-task metadata on
/// 2025-11-25, and status changes become notifications/tasks/status there (and nothing before tasks existed).
/// </summary>
internal static class MessageRenderer
{
    /// <summary>The JSON-RPC message, or null when the message has no form in this version.</summary>
    public static byte[]? Render(TaskMessageKind kind, string method, System.Text.Json.JsonElement? parameters, string? requestId, TaskView? task, string? relatedTaskId, string protocolVersion)
    {
        var hasTasks = McpProtocolVersions.HasTasks(protocolVersion);
        if (kind == TaskMessageKind.Status)
        {
            return hasTasks && task is not null ? JsonRpcWriter.Notification(McpMethods.TaskStatusNotification, TaskWire.Task(task)) : null;
        }

        var node = TaskWire.ToNode(parameters);
        if (hasTasks && relatedTaskId is not null)
        {
            node = TaskWire.WithRelatedTask(node, relatedTaskId);
        }

        return kind == TaskMessageKind.Request
            ? JsonRpcWriter.Request(requestId!, method, node)
            : JsonRpcWriter.Notification(method, node);
    }

    /// <summary>
    /// The response a task's outcome stands for. With <paramref name="relatedTaskId"/> it carries related-task metadata:
    /// a result in its <c>_meta</c>, an error in <c>error.data._meta</c> (unless the tool gave the error data that is
    /// not an object, which is kept exactly).
    /// </summary>
    public static byte[] Response(System.Text.Json.JsonElement requestId, TaskOutcome outcome, string? relatedTaskId)
    {
        if (outcome.Error is { } error)
        {
            var data = TaskWire.ToNode(error.Data);
            if (relatedTaskId is not null && data is null or JsonObject)
            {
                data = TaskWire.WithRelatedTask(data, relatedTaskId);
            }

            return JsonRpcWriter.Error(requestId, error.Code, error.Message, data);
        }

        JsonNode result = TaskWire.ToNode(outcome.Result) ?? new JsonObject();
        if (relatedTaskId is not null)
        {
            result = TaskWire.WithRelatedTask(result, relatedTaskId);
        }

        return JsonRpcWriter.Result(requestId, result);
    }
}
