using System.Text.Json;
using System.Text.Json.Nodes;
using TaskActors.Gateway.Tests.Infrastructure;
using TaskActors.Gateway.Tests.Tools;

namespace TaskActors.Gateway.Tests.Tasks;

/// <summary>Task-flavoured helpers over <see cref="McpHttpClient"/>.</summary>
internal static class TaskTestExtensions
{
    public static async Task<JsonElement> CreateTaskAsync(this McpHttpClient client, string tool, JsonObject? arguments, long? ttl, CancellationToken cancellationToken)
    {
        var parameters = ToolCallTests.Call(tool, arguments);
        parameters["task"] = ttl is { } value ? new JsonObject { ["ttl"] = value } : new JsonObject();
        var result = await client.RequestAsync("tools/call", parameters, cancellationToken);
        return result.IsError
            ? throw new InvalidOperationException($"Creating a {tool} task failed: {result.Response.GetRawText()}")
            : result.Result.GetProperty("task");
    }

    /// <summary>Creates a task of the gate tool and returns once its run has entered the gate.</summary>
    public static async Task<JsonElement> StartGatedTaskAsync(this McpHttpClient client, string gate, CancellationToken cancellationToken)
    {
        var entered = Fixtures.TestGates.WhenEntered(gate);
        var task = await client.CreateTaskAsync("gate", new JsonObject { ["gate"] = gate }, 60_000, cancellationToken);
        await entered.WaitAsync(TestKit.TestTimeouts.Default, cancellationToken);
        return task;
    }

    /// <summary>Polls tasks/get (the spec's polling loop; each poll changes nothing) until the task has the status.</summary>
    public static Task WaitForTaskStatusAsync(this McpHttpClient client, string taskId, string status, CancellationToken cancellationToken) =>
        TestKit.Eventually.WaitUntilAsync(
            async () => (await client.TaskRequestAsync("tasks/get", taskId, cancellationToken)).Result.Status() == status,
            $"task {taskId} is {status}",
            cancellationToken: cancellationToken);

    public static Task<RpcResult> TaskRequestAsync(this McpHttpClient client, string method, string taskId, CancellationToken cancellationToken) =>
        client.RequestAsync(method, new JsonObject { ["taskId"] = taskId }, cancellationToken);

    public static string Id(this JsonElement task) => task.GetProperty("taskId").GetString()!;

    public static string Status(this JsonElement task) => task.GetProperty("status").GetString()!;

    /// <summary>The task id in a message's (or result's) related-task metadata.</summary>
    public static string? RelatedTaskId(this JsonElement holder) =>
        holder.GetProperty("_meta").GetProperty("io.modelcontextprotocol/related-task").GetProperty("taskId").GetString();
}
