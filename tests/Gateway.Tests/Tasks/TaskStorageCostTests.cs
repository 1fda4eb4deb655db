using TaskActors.Gateway.Tests.Fixtures;
using TaskActors.Gateway.Tests.Infrastructure;
using TaskActors.Gateway.Tests.Tools;
using Xunit;

namespace TaskActors.Gateway.Tests.Tasks;

/// <summary>The storage a background task costs, as the design promises: one write to create it, one to finish it, none to read it.</summary>
public sealed class TaskStorageCostTests : GatewayTest
{
    [Fact]
    public async Task Task_IsWrittenOnceWhenCreatedAndOnceWhenFinished_AndTasksGetReadsNoStorage()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);
        using var storage = new StateCounters(host.Services);
        var gate = NewGate();

        var task = await client.StartGatedTaskAsync(gate, TestCancellation);
        // The new activation's load (it finds nothing) and the created record.
        Assert.Equal(new StateCounts(Reads: 1, Writes: 1), storage.Of("task"));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("working", (await client.TaskRequestAsync("tasks/get", task.Id(), TestCancellation)).Result.Status());
        }

        Assert.Equal(new StateCounts(Reads: 1, Writes: 1), storage.Of("task"));
        TestGates.Open(gate);
        var result = await client.TaskRequestAsync("tasks/result", task.Id(), TestCancellation);
        Assert.Equal("completed", (await client.TaskRequestAsync("tasks/get", task.Id(), TestCancellation)).Result.Status());

        Assert.Equal("opened", ToolCallTests.Text(result.Result));
        Assert.Equal(new StateCounts(Reads: 1, Writes: 2), storage.Of("task"));
        Assert.Equal(storage.Of("task"), storage.Total);
    }
}
