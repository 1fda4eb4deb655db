using System.Text.Json;
using System.Text.Json.Nodes;
using TaskActors.Gateway.Tests.Fixtures;
using TaskActors.Gateway.Tests.Infrastructure;
using TaskActors.Gateway.Tests.Tools;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.Gateway.Tests.Tasks;

/// <summary>What a tasks/result stream carries: each pending input request once, and related-task metadata on errors too.</summary>
public sealed class TaskResultStreamTests : GatewayTest
{
    [Fact]
    public async Task APendingElicitation_ReachesATasksResultStream_ExactlyOnce()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);
        var asked = new List<JsonElement>();
        client.OnRequest = request =>
        {
            asked.Add(request.Clone());
            return new JsonObject { ["action"] = "accept", ["content"] = new JsonObject { ["name"] = "Ada" } };
        };
        var task = await client.CreateTaskAsync("ask", null, 60_000, TestCancellation);
        await client.WaitForTaskStatusAsync(task.Id(), "input_required", TestCancellation);

        // The request went to the session (no stream was attached); the tasks/result stream replays it from task state.
        var result = await client.TaskRequestAsync("tasks/result", task.Id(), TestCancellation);

        Assert.Equal("hello Ada", ToolCallTests.Text(result.Result));
        Assert.Single(asked);
    }

    [Fact]
    public async Task AStreamThatDropsUnanswered_LeavesTheRequestPending_AndTheNextTasksResultGetsItOnce()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);
        var task = await client.CreateTaskAsync("ask", null, 60_000, TestCancellation);
        await client.WaitForTaskStatusAsync(task.Id(), "input_required", TestCancellation);
        using (var first = await client.PostAsync(TasksResultBody(task.Id()), cancellationToken: TestCancellation))
        using (var events = new SseReader(await first.Content.ReadAsStreamAsync(TestCancellation)))
        {
            var request = await events.NextMessageAsync(_ => true, TestCancellation);
            Assert.Equal("elicitation/create", request.GetProperty("method").GetString());
        }

        var asked = 0;
        client.OnRequest = _ =>
        {
            asked++;
            return new JsonObject { ["action"] = "accept", ["content"] = new JsonObject { ["name"] = "Barbara" } };
        };
        var result = await client.TaskRequestAsync("tasks/result", task.Id(), TestCancellation);

        Assert.Equal("hello Barbara", ToolCallTests.Text(result.Result));
        Assert.Equal(1, asked);
    }

    [Fact]
    public async Task TheErrorOfACancelledTask_CarriesRelatedTaskMetadata_InItsData()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);
        var gate = NewGate();
        var cancelled = TestGates.WhenCancelled(gate);
        var task = await client.StartGatedTaskAsync(gate, TestCancellation);
        await client.TaskRequestAsync("tasks/cancel", task.Id(), TestCancellation);
        await cancelled.WaitAsync(TestTimeouts.Default, TestCancellation);

        var result = await client.TaskRequestAsync("tasks/result", task.Id(), TestCancellation);

        Assert.Equal(-32050, result.ErrorCode);
        Assert.Equal(task.Id(), result.Response.GetProperty("error").GetProperty("data").RelatedTaskId());
    }

    private static string TasksResultBody(string taskId) =>
        new JsonObject { ["jsonrpc"] = "2.0", ["id"] = "result-1", ["method"] = "tasks/result", ["params"] = new JsonObject { ["taskId"] = taskId } }.ToJsonString();
}
