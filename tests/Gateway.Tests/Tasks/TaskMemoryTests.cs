using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TaskActors.Gateway.Tests.Infrastructure;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.Gateway.Tests.Tasks;

/// <summary>
/// Memory comes back after a burst: large tasks with short ttls leave the store and the silo's activations once their
/// ttl ends, with nobody reading them again (the in-memory store sweeps at each expiry; a task's activation deactivates).
/// </summary>
public sealed class TaskMemoryTests : GatewayTest
{
    private const int Tasks = 40;
    private const int ArgumentChars = 128 * 1024;

    [Fact]
    public async Task ABurstOfLargeTasks_LeavesTheStoreAndTheSilosActivations_WhenTheirTtlEnds()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await GatewayTestHost.StartCoHostedAsync(LoggerProvider, timeProvider: clock);
        var client = await ConnectAsync(host);
        var management = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var taskType = GrainType.Create("task");
        var text = new string('m', ArgumentChars);
        var ids = new List<string>();
        for (var i = 0; i < Tasks; i++)
        {
            ids.Add((await client.CreateTaskAsync("repeat", new JsonObject { ["text"] = text, ["times"] = 1 }, 5_000, TestCancellation)).Id());
        }

        foreach (var id in ids)
        {
            await client.WaitForTaskStatusAsync(id, "completed", TestCancellation);
        }

        var heldBefore = HeldBytes(host);
        var activeBefore = (await management.GetActiveGrains(taskType, TestCancellation)).Count;

        clock.Advance(TimeSpan.FromSeconds(6));
        await Eventually.WaitUntilAsync(async () => (await management.GetActiveGrains(taskType, TestCancellation)).Count == 0, "every expired task's activation is gone", cancellationToken: TestCancellation);
        var heldAfter = HeldBytes(host);

        // Each finished task keeps its arguments and its result: twice the text.
        Assert.True(heldBefore >= Tasks * 2L * ArgumentChars, $"the store held {heldBefore} bytes before expiry");
        Assert.Equal(Tasks, activeBefore);
        Assert.True(heldAfter < ArgumentChars, $"the store still held {heldAfter} bytes after expiry");
    }

    private static long HeldBytes(GatewayTestHost host) => host.MemoryStores().Sum(store => store.Payloads().Sum(p => (long)p.Length));
}
