using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaskActors.Gateway.Tests.Fixtures;
using TaskActors.Gateway.Tests.Infrastructure;
using TaskActors.Gateway.Tests.Tasks;
using TaskActors.Gateway.Tests.Tools;
using TaskActors.Grains;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.Gateway.Tests.Auth;

public sealed class TaskTokenTests : GatewayTest
{
    [Fact]
    public async Task FiftyInterleavedTasksOfTwoUsers_EachSeeOnlyTheirOwnIdentity()
    {
        using var tokens = new TokenFixture();
        await using var host = await StartAsync(tokens.Settings());
        var alice = await ResourceServerTests.ConnectWithTokenAsync(host, tokens.Mint("demo", "alice"));
        var bob = await ResourceServerTests.ConnectWithTokenAsync(host, tokens.Mint("demo", "bob"));

        // Every run holds at one gate until all 50 are inside it, so their contexts are all live at once.
        var gate = NewGate();
        var created = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            var (client, user) = i % 2 == 0 ? (alice, "alice") : (bob, "bob");
            var task = await client.CreateTaskAsync("gated_whoami", new JsonObject { ["gate"] = gate }, 60_000, TestCancellation);
            return (Client: client, User: user, TaskId: task.Id());
        }));
        await Eventually.WaitUntilAsync(() => TestGates.EntryCount(gate) == 50, "all 50 runs are inside the gate", cancellationToken: TestCancellation);
        TestGates.Open(gate);
        var runs = created.Select(async run =>
        {
            var result = await run.Client.TaskRequestAsync("tasks/result", run.TaskId, TestCancellation);
            return (run.User, Session: run.Client.SessionId, run.TaskId, Seen: JsonDocument.Parse(ToolCallTests.Text(result.Result)).RootElement);
        });

        foreach (var (user, session, taskId, seen) in await Task.WhenAll(runs))
        {
            Assert.Equal($"demo|{user}", seen.GetProperty("scope").GetString());
            Assert.Equal(user, seen.GetProperty("sub").GetString());
            Assert.Equal("demo", seen.GetProperty("clientId").GetString());
            Assert.Equal(session, seen.GetProperty("sessionId").GetString());
            Assert.Equal(taskId, seen.GetProperty("taskId").GetString());
            Assert.Equal("true", seen.GetProperty("hasToken").GetString());
        }
    }

    [Fact]
    public async Task TokenThatExpiresWhileTheTaskRuns_DisappearsFromTheToolsContext()
    {
        using var tokens = new TokenFixture();
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await GatewayTestHost.StartCoHostedAsync(LoggerProvider, tokens.Settings(), clock);
        var client = await ResourceServerTests.ConnectWithTokenAsync(host, tokens.Mint("demo", "alice", TimeSpan.FromMinutes(2)));
        var gate = NewGate();
        var entered = TestGates.WhenEntered(gate);
        var task = await client.CreateTaskAsync("token_check", new JsonObject { ["gate"] = gate }, 3_600_000, TestCancellation);
        await entered.WaitAsync(TestTimeouts.Default, TestCancellation);

        clock.Advance(TimeSpan.FromMinutes(3));
        TestGates.Open(gate);
        var result = JsonDocument.Parse(ToolCallTests.Text((await client.TaskRequestAsync("tasks/result", task.Id(), TestCancellation)).Result)).RootElement;

        Assert.True(result.GetProperty("before").GetBoolean());
        Assert.False(result.GetProperty("after").GetBoolean());
    }

    [Fact]
    public async Task StoredTaskState_HoldsTheTokenOnlyEncrypted_AndLogsNeverHoldIt()
    {
        using var tokens = new TokenFixture();
        var logs = new CollectingLoggerProvider();
        await using var host = await GatewayTestHost.StartCoHostedAsync(LoggerProvider, tokens.Settings(), collector: logs);
        var token = tokens.Mint("demo", "alice");
        var client = await ResourceServerTests.ConnectWithTokenAsync(host, token);
        var task = await client.CreateTaskAsync("whoami", null, 60_000, TestCancellation);
        await client.TaskRequestAsync("tasks/result", task.Id(), TestCancellation);

        var record = await host.TaskStore.ReadAsync("task", GrainId.Create("task", Grains.Abstractions.Tasks.TaskKey.Format("demo|alice", task.Id())), TestCancellation);
        var stored = Encoding.UTF8.GetString(record!.Data.Span);
        var everything = host.MemoryStores().SelectMany(s => s.Payloads()).Select(p => Encoding.UTF8.GetString(p.Span)).ToList();
        var signature = token.Split('.')[2];

        Assert.Contains(everything, r => r.Contains(client.SessionId!, StringComparison.Ordinal));
        Assert.DoesNotContain(everything, r => r.Contains(signature, StringComparison.Ordinal) || r.Contains(token.Split('.')[1], StringComparison.Ordinal));
        Assert.StartsWith("v1.", JsonDocument.Parse(stored).RootElement.GetProperty("protectedToken").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Lines, line => line.Message.Contains(signature, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuditTrail_RecordsCreationCompletionRetrievalAndFailedLookups_WithScopeButNoToken()
    {
        using var tokens = new TokenFixture();
        var logs = new CollectingLoggerProvider();
        await using var host = await GatewayTestHost.StartCoHostedAsync(LoggerProvider, tokens.Settings(), collector: logs);
        var token = tokens.Mint("demo", "alice");
        var client = await ResourceServerTests.ConnectWithTokenAsync(host, token);
        var task = await client.CreateTaskAsync("wait", new JsonObject { ["milliseconds"] = 1 }, 60_000, TestCancellation);
        await client.TaskRequestAsync("tasks/result", task.Id(), TestCancellation);
        await client.TaskRequestAsync("tasks/get", "ffffffffffffffffffffffffffffffff", TestCancellation);

        var audit = logs.Lines.Where(l => l.Category == "TaskActors.Audit").Select(l => l.Message).ToList();
        Assert.Contains(audit, m => m.Contains($"task {task.Id()} created in scope demo|alice", StringComparison.Ordinal));
        Assert.Contains(audit, m => m.Contains($"task {task.Id()} in scope demo|alice finished completed", StringComparison.Ordinal));
        Assert.Contains(audit, m => m.Contains($"result of task {task.Id()} retrieved by scope demo|alice", StringComparison.Ordinal));
        Assert.Contains(audit, m => m.Contains("tasks/get for unknown task ffffffffffffffffffffffffffffffff by scope demo|alice", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, m => m.Contains(token.Split('.')[2], StringComparison.Ordinal));
    }
}
