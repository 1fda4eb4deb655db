using System.Text;
using System.Text.Json.Nodes;
using TaskActors.Gateway.Tests.Fixtures;
using TaskActors.Gateway.Tests.Infrastructure;
using TaskActors.Gateway.Tests.Tools;
using TaskActors.Grains.Abstractions.Tasks;
using TaskActors.Storage.Records;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.Gateway.Tests.Tasks;

/// <summary>Every task state write is a compare-and-set on the ETag: an activation whose state went stale cannot overwrite newer state.</summary>
public sealed class StaleActivationTests : GatewayTest
{
    [Fact]
    public async Task StaleActivation_CannotOverwriteNewerState_AndTheTaskContinuesFromTheNewerRecord()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);
        var gate = NewGate();
        var task = await client.StartGatedTaskAsync(gate, TestCancellation);
        var grainId = GrainId.Create("task", TaskKey.Format("anon", task.Id()));
        var stored = (await host.TaskStore.ReadAsync("task", grainId, TestCancellation))!;

        // Another writer (as a second activation after a split membership view would) stores newer state behind the
        // activation's back, with the current ETag.
        var newer = JsonNode.Parse(stored.Data.Span)!.AsObject();
        newer["statusMessage"] = "written by a newer activation";
        var newerETag = await host.TaskStore.WriteAsync("task", grainId, Encoding.UTF8.GetBytes(newer.ToJsonString()), stored.ETag, new StateRecordPolicy(stored.ExpiresAt, stored.Index), TestCancellation);

        // The run finishes: the stale activation's completion write presents the old ETag and is refused.
        TestGates.Open(gate);
        await Eventually.WaitUntilAsync(() => TestGates.EntryCount(gate) >= 2, "the task is re-driven from the newer record by a fresh activation", cancellationToken: TestCancellation);
        var result = await client.TaskRequestAsync("tasks/result", task.Id(), TestCancellation);
        var final = JsonNode.Parse((await host.TaskStore.ReadAsync("task", grainId, TestCancellation))!.Data.Span)!.AsObject();

        Assert.Equal("opened", ToolCallTests.Text(result.Result));
        Assert.NotEqual(stored.ETag, newerETag);
        Assert.Equal("completed", final["status"]!.GetValue<string>());
        Assert.Equal(2, final["attempt"]!.GetValue<int>());
    }
}
