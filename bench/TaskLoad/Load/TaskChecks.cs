using System.Text.Json;
using TaskActors.TaskLoad.Mcp;

namespace TaskActors.TaskLoad.Load;

/// <summary>What each answer of the no-op task flow must hold; anything else counts as an error.</summary>
internal static class TaskChecks
{
    private const string RelatedTaskKey = "io.modelcontextprotocol/related-task";

    /// <summary>The id of the task a CreateTaskResult announces.</summary>
    public static string CreatedTaskId(JsonElement result)
    {
        if (!result.TryGetProperty("task", out var task) || task.ValueKind != JsonValueKind.Object)
        {
            throw new McpCallException("tools/call answered without a task (not a CreateTaskResult).");
        }

        var taskId = String(task, "taskId");
        ExpectLiveStatus(task, "tools/call");
        return taskId;
    }

    /// <summary>A tasks/get result: the same task, working or already completed.</summary>
    public static void IsTask(JsonElement result, string taskId)
    {
        if (String(result, "taskId") != taskId)
        {
            throw new McpCallException("tasks/get answered for another task.");
        }

        ExpectLiveStatus(result, "tasks/get");
    }

    /// <summary>A tasks/result result: the no-op's text "ok", with related-task metadata naming the task.</summary>
    public static void IsOkResult(JsonElement result, string taskId)
    {
        if (result.TryGetProperty("isError", out var isError) && isError.ValueKind == JsonValueKind.True)
        {
            throw new McpCallException("tasks/result answered an error result.");
        }

        if (!result.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Array || content.GetArrayLength() != 1 || String(content[0], "text") != "ok")
        {
            throw new McpCallException("tasks/result did not answer the text \"ok\".");
        }

        if (!result.TryGetProperty("_meta", out var meta) || !meta.TryGetProperty(RelatedTaskKey, out var related) || String(related, "taskId") != taskId)
        {
            throw new McpCallException("tasks/result has no related-task _meta naming the task.");
        }
    }

    private static void ExpectLiveStatus(JsonElement task, string method)
    {
        var status = String(task, "status");
        if (status is not ("working" or "completed"))
        {
            throw new McpCallException($"{method} answered status '{status}'.");
        }
    }

    private static string String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new McpCallException($"\"{property}\" is missing or not a string.");
}
