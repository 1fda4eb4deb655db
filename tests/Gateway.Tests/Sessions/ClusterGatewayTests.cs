using System.Text.Json;
using System.Text.Json.Nodes;
using TaskActors.Gateway.Tests.Fixtures;
using TaskActors.Gateway.Tests.Infrastructure;
using TaskActors.Gateway.Tests.Tasks;
using TaskActors.Gateway.Tests.Tools;
using TaskActors.Grains.Abstractions.Tasks;
using TaskActors.TestKit;
using TaskActors.TestKit.Redis;
using Xunit;

namespace TaskActors.Gateway.Tests.Sessions;

public sealed class ClusterGatewayTests : GatewayTest
{
    internal static Dictionary<string, string?> FastMembership() => new()
    {
        ["TaskActors:Membership:ProbeTimeout"] = "00:00:00.500",
        ["TaskActors:Membership:NumMissedProbesLimit"] = "2",
        ["TaskActors:Membership:TableRefreshTimeout"] = "00:00:00.500",
    };

    [Fact]
    public async Task ClientGateway_RunsToolsOnTheSilos_AndCancelsThereToo()
    {
        await using var host = await GatewayTestHost.StartClusterAsync(LoggerProvider, 2);
        var client = await ConnectAsync(host);
        var gate = NewGate();
        var entered = TestGates.WhenEntered(gate);
        var cancelled = TestGates.WhenCancelled(gate);

        var echo = await client.RequestAsync("tools/call", ToolCallTests.Call("echo", new JsonObject { ["text"] = "via cluster" }), TestCancellation);
        var task = await client.CreateTaskAsync("gate", new JsonObject { ["gate"] = gate }, 60_000, TestCancellation);
        await entered.WaitAsync(TestTimeouts.Default, TestCancellation);
        var holder = host.Cluster!.HolderOf(GrainId.Create("task", TaskKey.Format("anon", task.Id())));
        await client.TaskRequestAsync("tasks/cancel", task.Id(), TestCancellation);

        await cancelled.WaitAsync(TestTimeouts.Default, TestCancellation);
        Assert.Equal("via cluster", ToolCallTests.Text(echo.Result));
        Assert.NotNull(holder);
    }

    [Fact]
    public async Task Session_IsServedByAnyGatewayReplica()
    {
        await using var host = await GatewayTestHost.StartClusterAsync(LoggerProvider, 2);
        await using var replica = await host.StartReplicaAsync(LoggerProvider);
        var first = await ConnectAsync(host);
        var task = await first.CreateTaskAsync("wait", new JsonObject { ["milliseconds"] = 1 }, 60_000, TestCancellation);

        var second = replica.CreateClient();
        second.SessionId = first.SessionId;
        second.ProtocolVersion = first.ProtocolVersion;
        var result = await second.TaskRequestAsync("tasks/result", task.Id(), TestCancellation);
        var listed = (await second.RequestAsync("tasks/list", null, TestCancellation)).Result;

        Assert.Equal("waited", ToolCallTests.Text(result.Result));
        Assert.Equal(task.Id(), Assert.Single(listed.GetProperty("tasks").EnumerateArray()).Id());
    }

    [Fact]
    public async Task Task_IsReDrivenOnASurvivor_WhenItsSiloCrashes()
    {
        await using var host = await GatewayTestHost.StartClusterAsync(LoggerProvider, 3, FastMembership());
        var client = await ConnectAsync(host);
        var gate = NewGate();
        var task = await client.StartGatedTaskAsync(gate, TestCancellation);

        var (holder, status) = await SiloCrash.KillHolderAndAwaitReDriveAsync(host, client, "anon", task.Id(), gate, TestCancellation);
        TestGates.Open(gate);
        var result = await client.TaskRequestAsync("tasks/result", task.Id(), TestCancellation);

        Assert.Equal("working", status.Result.Status());
        Assert.Equal("opened", ToolCallTests.Text(result.Result));
        Assert.DoesNotContain(holder, host.Cluster!.Silos);
    }

    [Fact]
    public async Task Task_IsHandedOverToASurvivor_WhenItsSiloStopsGracefully_WithoutAnyClientCall_AndCountsNoLostRun()
    {
        // One attempt allowed: a hand-over is not a lost run. Reminders in Redis outlive the stopping silo.
        await using var redis = await RedisServer.StartAsync(cancellationToken: TestCancellation);
        var settings = FastMembership();
        settings["TaskActors:Cluster:Redis"] = redis.ConnectionString;
        settings["TaskActors:Tasks:MaxAttempts"] = "1";
        await using var host = await GatewayTestHost.StartClusterAsync(LoggerProvider, 3, settings);
        var client = await ConnectAsync(host);
        var gate = NewGate();
        var task = await client.StartGatedTaskAsync(gate, TestCancellation);
        var holder = host.Cluster!.HolderOf(GrainId.Create("task", TaskKey.Format("anon", task.Id())))!;

        // Nobody asks for the task while its silo stops: its hand-over reminder (or the stopped run's late report)
        // re-creates the grain on a survivor.
        await host.Cluster.StopSiloAsync(holder);
        await Eventually.WaitUntilAsync(() => TestGates.EntryCount(gate) >= 2, "the task's run is handed over to a survivor", TestTimeouts.Recovery, TestCancellation);
        var survivor = host.Cluster.HolderOf(GrainId.Create("task", TaskKey.Format("anon", task.Id())));
        TestGates.Open(gate);
        var result = await client.TaskRequestAsync("tasks/result", task.Id(), TestCancellation);

        Assert.Equal("opened", ToolCallTests.Text(result.Result));
        Assert.NotNull(survivor);
        Assert.NotEqual(holder.SiloAddress, survivor.SiloAddress);
    }

    [Fact]
    public async Task LongTask_IsReDrivenByItsReminder_WhenItsSiloCrashes_WithoutAnyClientCall()
    {
        await using var redis = await RedisServer.StartAsync(cancellationToken: TestCancellation);
        var settings = FastMembership();
        settings["TaskActors:Cluster:Redis"] = redis.ConnectionString;
        settings["TaskActors:Tasks:RedriveAfter"] = "00:00:00.200";
        settings["TaskActors:Tasks:RedrivePeriod"] = "00:00:01";
        await using var host = await GatewayTestHost.StartClusterAsync(LoggerProvider, 3, settings);
        var client = await ConnectAsync(host);
        var gate = NewGate();
        var task = await client.StartGatedTaskAsync(gate, TestCancellation);
        var grainId = GrainId.Create("task", TaskKey.Format("anon", task.Id()));
        await Eventually.WaitUntilAsync(() => host.Cluster!.HasReminderAsync(grainId, "redrive"), "the running task registers its re-drive reminder", cancellationToken: TestCancellation);
        var holder = host.Cluster!.HolderOf(grainId)!;

        // Nobody asks for the task after its silo dies: the reminder, kept in Redis, re-creates it on a survivor.
        await host.Cluster.KillSiloAsync(holder);
        await Eventually.WaitUntilAsync(() => TestGates.EntryCount(gate) >= 2, "the reminder re-drives the task on a survivor", TestTimeouts.Recovery, TestCancellation);
        var survivor = host.Cluster.HolderOf(grainId);
        TestGates.Open(gate);
        var result = await client.TaskRequestAsync("tasks/result", task.Id(), TestCancellation);
        await Eventually.WaitUntilAsync(async () => !await host.Cluster.HasReminderAsync(grainId, "redrive"), "the finished task removes its reminder", cancellationToken: TestCancellation);

        Assert.Equal("opened", ToolCallTests.Text(result.Result));
        Assert.NotNull(survivor);
        Assert.NotEqual(holder.SiloAddress, survivor.SiloAddress);
    }

    [Fact]
    public async Task ReDrivenTask_SeesItsOriginalContext_OnTheSurvivor()
    {
        await using var host = await GatewayTestHost.StartClusterAsync(LoggerProvider, 3, FastMembership());
        var client = await ConnectAsync(host);
        var gate = NewGate();
        var entered = TestGates.WhenEntered(gate);
        var task = await client.CreateTaskAsync("gated_whoami", new JsonObject { ["gate"] = gate }, 60_000, TestCancellation);
        var original = await entered.WaitAsync(TestTimeouts.Default, TestCancellation);

        var (holder, _) = await SiloCrash.KillHolderAndAwaitReDriveAsync(host, client, "anon", task.Id(), gate, TestCancellation);
        TestGates.Open(gate);
        var result = await client.TaskRequestAsync("tasks/result", task.Id(), TestCancellation);

        var who = JsonDocument.Parse(ToolCallTests.Text(result.Result)).RootElement;
        Assert.Contains(who.GetProperty("silo").GetString(), host.Cluster!.Silos.Select(s => s.SiloAddress.ToString()));
        Assert.NotEqual(holder.SiloAddress.ToString(), who.GetProperty("silo").GetString());
        Assert.Equal(task.Id(), original.TaskId);
        Assert.Equal(original.TaskId, who.GetProperty("taskId").GetString());
        Assert.Equal("anon", who.GetProperty("scope").GetString());
        Assert.Equal(original.Scope, who.GetProperty("scope").GetString());
        Assert.Equal(client.SessionId, original.SessionId);
        Assert.Equal(original.SessionId, who.GetProperty("sessionId").GetString());
        Assert.Equal(original.Server.Path, who.GetProperty("server").GetString());
        Assert.Equal("samples", who.GetProperty("serverName").GetString());
    }

    [Fact]
    public async Task PlainCall_FailsSayingItWasInterrupted_WhenItsSiloCrashes()
    {
        await using var host = await GatewayTestHost.StartClusterAsync(LoggerProvider, 3, FastMembership());
        var client = await ConnectAsync(host);
        var gate = NewGate();
        var entered = TestGates.WhenEntered(gate);
        var call = client.RequestAsync("tools/call", ToolCallTests.Call("gate", new JsonObject { ["gate"] = gate }), TestCancellation);
        await entered.WaitAsync(TestTimeouts.Default, TestCancellation);
        var holder = Enumerable.Range(1, 5)
            .Select(id => host.Cluster!.HolderOf(GrainId.Create("task", TaskKey.Format("anon", Handlers.ToolHandlers.PlainCallId(client.SessionId!, id.ToString(System.Globalization.CultureInfo.InvariantCulture))))))
            .Single(s => s is not null)!;

        await host.Cluster!.KillSiloAsync(holder!);
        var response = await call;

        Assert.Equal(-32603, response.ErrorCode);
        Assert.Contains("interrupted", response.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(1, TestGates.EntryCount(gate));
    }

    [Fact]
    public async Task TasksResult_KeepsWaiting_WhileTheTaskMovesToASurvivor()
    {
        await using var host = await GatewayTestHost.StartClusterAsync(LoggerProvider, 3, FastMembership());
        var client = await ConnectAsync(host);
        var gate = NewGate();
        var task = await client.StartGatedTaskAsync(gate, TestCancellation);
        var holder = host.Cluster!.HolderOf(GrainId.Create("task", TaskKey.Format("anon", task.Id())));
        var request = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 900, ["method"] = "tasks/result", ["params"] = new JsonObject { ["taskId"] = task.Id() } };
        using var stream = await client.PostAsync(request.ToJsonString(), cancellationToken: TestCancellation);

        // The SSE response has started, so the gateway is polling the task on the silo that is killed now.
        await host.Cluster!.KillSiloAsync(holder!);
        await Eventually.WaitUntilAsync(() => TestGates.EntryCount(gate) >= 2, "the task's run is started again", cancellationToken: TestCancellation);
        TestGates.Open(gate);
        var result = await client.ReadResponseAsync(stream, 900, TestCancellation);

        Assert.Equal("opened", ToolCallTests.Text(result.Result));
        Assert.Equal(task.Id(), result.Result.RelatedTaskId());
    }
}
