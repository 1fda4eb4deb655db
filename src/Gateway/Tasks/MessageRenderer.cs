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

    /// <summary>The response a task's outcome stands for; with <paramref name="relatedTaskId"/> a result carries related-task metadata.</summary>
    public static byte[] Response(System.Text.Json.JsonElement requestId, TaskOutcome outcome, string? relatedTaskId)
    {
        if (outcome.Error is { } error)
        {
            return JsonRpcWriter.Error(requestId, error.Code, error.Message, TaskWire.ToNode(error.Data));
        }

        JsonNode result = TaskWire.ToNode(outcome.Result) ?? new JsonObject();
        if (relatedTaskId is not null)
        {
            result = TaskWire.WithRelatedTask(result, relatedTaskId);
        }

        return JsonRpcWriter.Result(requestId, result);
    }
}
