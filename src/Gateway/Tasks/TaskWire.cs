using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaskActors.Gateway.Protocol;
using TaskActors.Grains.Abstractions.Tasks;

namespace TaskActors.Gateway.Tasks;

/// <summary>The MCP 2025-11-25 wire format of tasks: Task objects, CreateTaskResult, related-task metadata.</summary>
internal static class TaskWire
{
    /// <summary>A Task object (also the flat result of tasks/get and tasks/cancel, and the params of status notifications).</summary>
    public static JsonObject Task(TaskView view)
    {
        var task = new JsonObject
        {
            ["taskId"] = view.TaskId,
            ["status"] = view.Status.ToWireString(),
        };
        if (view.StatusMessage is { } message)
        {
            task["statusMessage"] = message;
        }

        task["createdAt"] = Timestamp(view.CreatedAt);
        task["lastUpdatedAt"] = Timestamp(view.LastUpdatedAt);
        task["ttl"] = view.Ttl is { } ttl ? (long)ttl.TotalMilliseconds : null;
        if (view.PollInterval is { } interval)
        {
            task["pollInterval"] = (long)interval.TotalMilliseconds;
        }

        return task;
    }

    public static JsonObject CreateTaskResult(TaskView view) => new() { ["task"] = Task(view) };

    /// <summary>A copy of <paramref name="node"/> (an object or nothing) with the related-task key added to its <c>_meta</c>.</summary>
    public static JsonObject WithRelatedTask(JsonNode? node, string taskId)
    {
        var target = node as JsonObject ?? [];
        if (target["_meta"] is not JsonObject meta)
        {
            meta = [];
            target["_meta"] = meta;
        }

        meta[McpMetaKeys.RelatedTask] = new JsonObject { ["taskId"] = taskId };
        return target;
    }

    public static JsonNode? ToNode(JsonElement? element) => element is { } value ? JsonNode.Parse(value.GetRawText()) : null;

    private static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
