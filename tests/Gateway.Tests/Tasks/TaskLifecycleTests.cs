using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TaskActors.Gateway.Tests.Fixtures;
using TaskActors.Gateway.Tests.Infrastructure;
using TaskActors.Gateway.Tests.Tools;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.Gateway.Tests.Tasks;

public sealed class TaskLifecycleTests : GatewayTest
{
    [Fact]
    public async Task CreateTask_ReturnsAStoredWorkingTask_WithTheGrantedTtlAndPollInterval()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        var task = await client.CreateTaskAsync("wait", new JsonObject { ["milliseconds"] = 10 }, 60_000, TestCancellation);

        Assert.Matches("^[0-9a-f]{32}$", task.Id());
        Assert.Equal("working", task.Status());
        Assert.Equal(60_000, task.GetProperty("ttl").GetInt64());
        Assert.Equal(1000, task.GetProperty("pollInterval").GetInt64());
        var created = DateTimeOffset.Parse(task.GetProperty("createdAt").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(created, DateTimeOffset.Parse(task.GetProperty("lastUpdatedAt").GetString()!, CultureInfo.InvariantCulture));
        Assert.EndsWith("Z", task.GetProperty("createdAt").GetString(), StringComparison.Ordinal);

        var got = await client.TaskRequestAsync("tasks/get", task.Id(), TestCancellation);
        Assert.Equal(task.Id(), got.Result.Id());
        Assert.False(got.WasStream);
    }

    [Fact]
    public async Task CreateTask_ClampsTtlToTheMaximum_AndDefaultsIt()
    {
        await using var host = await StartAsync(new Dictionary<string, string?>
        {
            ["TaskActors:Gateway:DefaultTaskTtl"] = "00:10:00",
            ["TaskActors:Gateway:MaxTaskTtl"] = "01:00:00",
        });
        var client = await ConnectAsync(host);

        var clamped = await client.CreateTaskAsync("wait", new JsonObject { ["milliseconds"] = 1 }, 10 * 3_600_000, TestCancellation);
        var defaulted = await client.CreateTaskAsync("wait", new JsonObject { ["milliseconds"] = 1 }, null, TestCancellation);

        Assert.Equal(3_600_000, clamped.GetProperty("ttl").GetInt64());
        Assert.Equal(600_000, defaulted.GetProperty("ttl").GetInt64());
    }

    [Fact]
    public async Task TasksResult_BlocksUntilTerminal_ThenReplaysTheResultWithRelatedTaskMeta()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);
        var gate = NewGate();
        var task = await client.StartGatedTaskAsync(gate, TestCancellation);

        var pending = client.TaskRequestAsync("tasks/result", task.Id(), TestCancellation);
        var working = await client.TaskRequestAsync("tasks/get", task.Id(), TestCancellation);
        Assert.Equal("working", working.Result.Status());
        Assert.False(pending.IsCompleted);
        TestGates.Open(gate);
        var result = await pending.WaitAsync(TestTimeouts.Default, TestCancellation);

        Assert.Equal("opened", ToolCallTests.Text(result.Result));
        Assert.Equal(task.Id(), result.Result.RelatedTaskId());
        var again = await client.TaskRequestAsync("tasks/result", task.Id(), TestCancellation);
        Assert.False(again.WasStream);
        Assert.Equal(result.Result.GetRawText(), again.Result.GetRawText());
        Assert.Equal("completed", (await client.TaskRequestAsync("tasks/get", task.Id(), TestCancellation)).Result.Status());
    }

    [Theory]
    [InlineData("boom")]
    [InlineData("soft_fail")]
    public async Task FailingTool_EndsFailed_WithAStatusMessage_AndItsErrorResult(string tool)
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);
        var task = await client.CreateTaskAsync(tool, null, 60_000, TestCancellation);

        var result = await client.TaskRequestAsync("tasks/result", task.Id(), TestCancellation);
        var view = (await client.TaskRequestAsync("tasks/get", task.Id(), TestCancellation)).Result;

        Assert.True(result.Result.GetProperty("isError").GetBoolean());
        Assert.Equal("failed", view.Status());
        Assert.False(string.IsNullOrEmpty(view.GetProperty("statusMessage").GetString()));
    }

    [Fact]
    public async Task Cancel_StopsTheRun_StoresCancelled_AndIsRefusedOnceTerminal()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);
        var gate = NewGate();
        var cancelled = TestGates.WhenCancelled(gate);
        var task = await client.StartGatedTaskAsync(gate, TestCancellation);

        var cancel = await client.TaskRequestAsync("tasks/cancel", task.Id(), TestCancellation);
        await cancelled.WaitAsync(TestTimeouts.Default, TestCancellation);
        var again = await client.TaskRequestAsync("tasks/cancel", task.Id(), TestCancellation);
        var result = await client.TaskRequestAsync("tasks/result", task.Id(), TestCancellation);
        var view = (await client.TaskRequestAsync("tasks/get", task.Id(), TestCancellation)).Result;

        Assert.Equal("cancelled", cancel.Result.Status());
        Assert.Equal("cancelled", view.Status());
        Assert.Equal(-32602, again.ErrorCode);
        Assert.Contains("cancelled", again.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(-32050, result.ErrorCode);
    }

    [Fact]
    public async Task Cancel_OfACompletedTask_IsInvalidParams_AndChangesNothing()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);
        var task = await client.CreateTaskAsync("wait", new JsonObject { ["milliseconds"] = 1 }, 60_000, TestCancellation);
        await client.TaskRequestAsync("tasks/result", task.Id(), TestCancellation);

        var cancel = await client.TaskRequestAsync("tasks/cancel", task.Id(), TestCancellation);

        Assert.Equal(-32602, cancel.ErrorCode);
        Assert.Contains("'completed'", cancel.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("completed", (await client.TaskRequestAsync("tasks/get", task.Id(), TestCancellation)).Result.Status());
    }

    [Theory]
    [InlineData("tasks/get")]
    [InlineData("tasks/result")]
    [InlineData("tasks/cancel")]
    public async Task UnknownTaskId_IsInvalidParams(string method)
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        var result = await client.TaskRequestAsync(method, "0123456789abcdef0123456789abcdef", TestCancellation);

        Assert.Equal(-32602, result.ErrorCode);
    }

    [Fact]
    public async Task TasksList_ShowsTheSessionsTasksNewestFirst_InPages()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["TaskActors:Gateway:PageSize"] = "2" });
        var client = await ConnectAsync(host);
        var other = await ConnectAsync(host);
        var created = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            created.Add((await client.CreateTaskAsync("wait", new JsonObject { ["milliseconds"] = 1 }, 60_000, TestCancellation)).Id());
        }

        var first = (await client.RequestAsync("tasks/list", null, TestCancellation)).Result;
        var second = (await client.RequestAsync("tasks/list", new JsonObject { ["cursor"] = first.GetProperty("nextCursor").GetString() }, TestCancellation)).Result;
        var forged = await client.RequestAsync("tasks/list", new JsonObject { ["cursor"] = "c1.bm9wZQ" }, TestCancellation);
        var othersView = (await other.RequestAsync("tasks/list", null, TestCancellation)).Result;

        var listed = first.GetProperty("tasks").EnumerateArray().Concat(second.GetProperty("tasks").EnumerateArray()).Select(t => t.Id()).ToList();
        Assert.Equal(Enumerable.Reverse(created), listed);
        Assert.False(second.TryGetProperty("nextCursor", out _));
        Assert.Equal(-32602, forged.ErrorCode);
        Assert.Empty(othersView.GetProperty("tasks").EnumerateArray());
    }

    [Fact]
    public async Task Task_SeesItsContext_AsABackgroundTask_InTheMountedChild()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        var task = await client.CreateTaskAsync("whoami", null, 60_000, TestCancellation);
        var who = JsonDocument.Parse(ToolCallTests.Text((await client.TaskRequestAsync("tasks/result", task.Id(), TestCancellation)).Result)).RootElement;
        var child = await client.CreateTaskAsync("kid_where", null, 60_000, TestCancellation);
        var where = ToolCallTests.Text((await client.TaskRequestAsync("tasks/result", child.Id(), TestCancellation)).Result);

        Assert.Equal(task.Id(), who.GetProperty("taskId").GetString());
        Assert.Equal("true", who.GetProperty("background").GetString());
        Assert.Equal(client.SessionId, who.GetProperty("sessionId").GetString());
        Assert.Equal("fixture-lifespan", who.GetProperty("lifespan").GetString());
        Assert.Equal("samples/kid", where);
    }

    [Fact]
    public async Task Task_OutlivesItsSession()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);
        var task = await client.CreateTaskAsync("wait", new JsonObject { ["milliseconds"] = 1 }, 60_000, TestCancellation);
        using var deleted = await client.DeleteAsync(TestCancellation);

        var fresh = await ConnectAsync(host);
        var result = await fresh.TaskRequestAsync("tasks/result", task.Id(), TestCancellation);

        Assert.Equal("waited", ToolCallTests.Text(result.Result));
    }

    [Fact]
    public async Task Task_Expires_AfterItsTtl()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await Infrastructure.GatewayTestHost.StartCoHostedAsync(LoggerProvider, timeProvider: clock);
        var client = await ConnectAsync(host);
        var task = await client.CreateTaskAsync("wait", new JsonObject { ["milliseconds"] = 1 }, 5_000, TestCancellation);
        await client.TaskRequestAsync("tasks/result", task.Id(), TestCancellation);

        clock.Advance(TimeSpan.FromSeconds(4));
        var alive = await client.TaskRequestAsync("tasks/get", task.Id(), TestCancellation);
        clock.Advance(TimeSpan.FromSeconds(2));
        var expired = await client.TaskRequestAsync("tasks/get", task.Id(), TestCancellation);
        var listed = (await client.RequestAsync("tasks/list", null, TestCancellation)).Result;

        Assert.Equal("completed", alive.Result.Status());
        Assert.Equal(-32602, expired.ErrorCode);
        Assert.Empty(listed.GetProperty("tasks").EnumerateArray());
    }

    [Fact]
    public async Task FinishedTask_LeavesMemoryAndStorage_WhenItsTtlEnds()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await Infrastructure.GatewayTestHost.StartCoHostedAsync(LoggerProvider, timeProvider: clock);
        var client = await ConnectAsync(host);
        var task = await client.CreateTaskAsync("wait", new JsonObject { ["milliseconds"] = 1 }, 5_000, TestCancellation);
        await client.TaskRequestAsync("tasks/result", task.Id(), TestCancellation);
        var grainId = GrainId.Create("task", Grains.Abstractions.Tasks.TaskKey.Format("anon", task.Id()));
        var management = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var activeBefore = await management.GetActiveGrains(grainId.Type, TestCancellation);

        clock.Advance(TimeSpan.FromSeconds(6));
        await Eventually.WaitUntilAsync(async () => !(await management.GetActiveGrains(grainId.Type, TestCancellation)).Contains(grainId), "the expired task's activation is gone", cancellationToken: TestCancellation);
        var record = await host.TaskStore.ReadAsync("task", grainId, TestCancellation);

        Assert.Contains(grainId, activeBefore);
        Assert.Null(record);
    }

    [Fact]
    public async Task WorkingTask_IsStoppedAndItsSlotFreed_WhenItsTtlEnds()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        var settings = new Dictionary<string, string?> { ["TaskActors:Tasks:MaxConcurrentTasksPerRequestor"] = "1" };
        await using var host = await Infrastructure.GatewayTestHost.StartCoHostedAsync(LoggerProvider, settings, clock);
        var client = await ConnectAsync(host);
        var gate = NewGate();
        var entered = TestGates.WhenEntered(gate);
        var cancelled = TestGates.WhenCancelled(gate);
        var task = await client.CreateTaskAsync("gate", new JsonObject { ["gate"] = gate }, 5_000, TestCancellation);
        await entered.WaitAsync(TestTimeouts.Default, TestCancellation);
        var refused = await client.RequestAsync("tools/call", TaskCall("wait", new JsonObject { ["milliseconds"] = 1 }), TestCancellation);

        clock.Advance(TimeSpan.FromSeconds(6));
        await cancelled.WaitAsync(TestTimeouts.Default, TestCancellation);
        var expired = await client.TaskRequestAsync("tasks/get", task.Id(), TestCancellation);
        RpcResult? admitted = null;
        await Eventually.WaitUntilAsync(
            async () => !(admitted = await client.RequestAsync("tools/call", TaskCall("wait", new JsonObject { ["milliseconds"] = 1 }), TestCancellation)).IsError,
            "a new task is admitted once the expired one gave its slot back",
            cancellationToken: TestCancellation);

        var admittedResult = await client.TaskRequestAsync("tasks/result", admitted!.Result.GetProperty("task").Id(), TestCancellation);

        Assert.Equal(-32051, refused.ErrorCode);
        Assert.Equal(-32602, expired.ErrorCode);
        Assert.Equal("working", admitted.Result.GetProperty("task").Status());
        Assert.False(admittedResult.IsError);
    }

    private static JsonObject TaskCall(string tool, JsonObject arguments)
    {
        var call = ToolCallTests.Call(tool, arguments);
        call["task"] = new JsonObject { ["ttl"] = 60_000 };
        return call;
    }
}
