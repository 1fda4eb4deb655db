using System.Text.Json;
using System.Text.Json.Nodes;
using TaskActors.Gateway.Tests.Infrastructure;
using TaskActors.Gateway.Tests.Tools;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.Gateway.Tests.Tasks;

public sealed class TaskInputTests : GatewayTest
{
    [Fact]
    public async Task Elicitation_MovesTaskToInputRequired_ReachesTasksResultWithRelatedTask_AndTheAnswerResumesIt()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);
        JsonElement? asked = null;
        client.OnRequest = request =>
        {
            asked = request;
            return new JsonObject { ["action"] = "accept", ["content"] = new JsonObject { ["name"] = "Grace" } };
        };
        var task = await client.CreateTaskAsync("ask", null, 60_000, TestCancellation);
        await client.WaitForTaskStatusAsync(task.Id(), "input_required", TestCancellation);

        var result = await client.TaskRequestAsync("tasks/result", task.Id(), TestCancellation);

        Assert.Equal("hello Grace", ToolCallTests.Text(result.Result));
        Assert.Equal("elicitation/create", asked!.Value.GetProperty("method").GetString());
        Assert.Equal(task.Id(), asked.Value.GetProperty("params").RelatedTaskId());
        Assert.Equal("completed", (await client.TaskRequestAsync("tasks/get", task.Id(), TestCancellation)).Result.Status());
    }

    [Fact]
    public async Task Elicitation_ReachesTheGetStream_WhenNoTasksResultWaits_WithStatusNotifications()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);
        using var stream = await client.GetStreamAsync(cancellationToken: TestCancellation);
        using var events = new SseReader(await stream.Content.ReadAsStreamAsync(TestCancellation));
        Assert.Null((await events.ReadAsync(TestCancellation))!.Data);

        var task = await client.CreateTaskAsync("ask", null, 60_000, TestCancellation);
        var statuses = new List<string>();
        JsonElement request;
        while (true)
        {
            var message = (await events.ReadAsync(TestCancellation).WaitAsync(TestTimeouts.Default, TestCancellation))!.Data!.Value;
            if (message.GetProperty("method").GetString() == "notifications/tasks/status")
            {
                statuses.Add(message.GetProperty("params").Status());
                Assert.False(message.GetProperty("params").TryGetProperty("_meta", out _));
                continue;
            }

            request = message;
            break;
        }

        Assert.Equal("elicitation/create", request.GetProperty("method").GetString());
        Assert.Equal(task.Id(), request.GetProperty("params").RelatedTaskId());
        await client.AnswerAsync(request.GetProperty("id"), new JsonObject { ["action"] = "accept", ["content"] = new JsonObject { ["name"] = "Linus" } }, TestCancellation);
        var result = await client.TaskRequestAsync("tasks/result", task.Id(), TestCancellation);

        Assert.Equal("hello Linus", ToolCallTests.Text(result.Result));
        Assert.Contains("input_required", statuses);
    }

    [Fact]
    public async Task Decline_IsPassedToTheTool()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);
        client.OnRequest = _ => new JsonObject { ["action"] = "decline" };
        var task = await client.CreateTaskAsync("ask", null, 60_000, TestCancellation);

        var result = await client.TaskRequestAsync("tasks/result", task.Id(), TestCancellation);

        Assert.Equal("no answer (decline)", ToolCallTests.Text(result.Result));
    }

    [Fact]
    public async Task ProgressOfATask_ReachesTheGetStream_WithTheOriginalToken_AndRelatedTask_WhenNoTasksResultWaits()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);
        var parameters = ToolCallTests.Call("progress", null);
        parameters["task"] = new JsonObject { ["ttl"] = 60_000 };
        parameters["_meta"] = new JsonObject { ["progressToken"] = 77 };
        using var stream = await client.GetStreamAsync(cancellationToken: TestCancellation);
        using var events = new SseReader(await stream.Content.ReadAsStreamAsync(TestCancellation));
        Assert.Null((await events.ReadAsync(TestCancellation))!.Data);

        var task = (await client.RequestAsync("tools/call", parameters, TestCancellation)).Result.GetProperty("task");
        var progress = new List<JsonElement>();
        while (progress.Count < 3)
        {
            var message = (await events.ReadAsync(TestCancellation).WaitAsync(TestTimeouts.Default, TestCancellation))!.Data!.Value;
            if (message.GetProperty("method").GetString() == "notifications/progress")
            {
                progress.Add(message.GetProperty("params"));
            }
        }

        Assert.All(progress, p => Assert.Equal(77, p.GetProperty("progressToken").GetInt32()));
        Assert.All(progress, p => Assert.Equal(task.Id(), p.RelatedTaskId()));
    }

    [Fact]
    public async Task ProgressOfATask_ReachesAnOpenTasksResultStream_WithTheOriginalToken_AndRelatedTask()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);
        var gate = NewGate();
        var entered = Fixtures.TestGates.WhenEntered(gate);
        var parameters = ToolCallTests.Call("gated_progress", new JsonObject { ["gate"] = gate });
        parameters["task"] = new JsonObject { ["ttl"] = 60_000 };
        parameters["_meta"] = new JsonObject { ["progressToken"] = "result-stream-token" };
        var task = (await client.RequestAsync("tools/call", parameters, TestCancellation)).Result.GetProperty("task");
        await entered.WaitAsync(TestTimeouts.Default, TestCancellation);
        var request = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 901, ["method"] = "tasks/result", ["params"] = new JsonObject { ["taskId"] = task.Id() } };
        using var stream = await client.PostAsync(request.ToJsonString(), cancellationToken: TestCancellation);

        // The tasks/result stream is open (its headers arrived), so the progress the tool now reports belongs on it.
        Fixtures.TestGates.Open(gate);
        var result = await client.ReadResponseAsync(stream, 901, TestCancellation);

        var progress = result.Messages.Where(m => m.GetProperty("method").GetString() == "notifications/progress").Select(m => m.GetProperty("params")).ToList();
        Assert.True(result.WasStream);
        Assert.Equal([1.0, 2.0, 3.0], progress.Select(p => p.GetProperty("progress").GetDouble()));
        Assert.All(progress, p => Assert.Equal("result-stream-token", p.GetProperty("progressToken").GetString()));
        Assert.All(progress, p => Assert.Equal(task.Id(), p.RelatedTaskId()));
        Assert.Equal("progressed", ToolCallTests.Text(result.Result));
    }
}
