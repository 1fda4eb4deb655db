using System.Text.Json;
using ModelContextProtocol.Protocol;
using TaskActors.SampleServers.Tests.Harness;
using Xunit;

namespace TaskActors.SampleServers.Tests.Tasks;

public sealed class TickCounterToolsTests : SampleServersTest
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task TickCounter_CountsEveryTick_ReportsEachAsProgress_AndReturnsTheCount()
    {
        var clock = new SignalingTimeProvider();
        await using var host = await StartHostAsync(clock);
        var client = new RecordingClientChannel();
        var call = new ToolCall("tick_counter") { Arguments = """{"seconds":0.5}""", IsBackgroundTask = true, ProgressToken = "\"ticks\"" };

        var run = host.CallToolResultAsync(call, client, TestCancellation);
        await clock.NextTimerAsync(TestCancellation);
        for (var tick = 1; tick <= 5; tick++)
        {
            clock.Advance(Tick);
            var progress = await client.NextNotificationAsync(TestCancellation);
            Assert.Equal(NotificationMethods.ProgressNotification, progress.Method);
            JsonAssert.Equal($$"""{"progressToken":"ticks","progress":{{tick}},"total":5,"message":"{{tick}} of 5 ticks"}""", progress.Params);
        }

        Assert.Equal("5", (await run).SingleText());
        Assert.Equal("5", (await host.CallToolResultAsync(new ToolCall("tick_count") { Arguments = $$"""{"taskId":"{{call.TaskId}}"}""" }, cancellationToken: TestCancellation)).SingleText());
    }

    [Fact]
    public async Task TickCounter_KeepsTheCountItReached_WhenCancelled()
    {
        var clock = new SignalingTimeProvider();
        await using var host = await StartHostAsync(clock);
        var client = new RecordingClientChannel();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestCancellation);
        var call = new ToolCall("tick_counter") { Arguments = """{"seconds":60}""", IsBackgroundTask = true, ProgressToken = "3" };

        var run = host.CallToolAsync(call, client, cancellation.Token);
        await clock.NextTimerAsync(TestCancellation);
        for (var tick = 1; tick <= 3; tick++)
        {
            clock.Advance(Tick);
            await client.NextNotificationAsync(TestCancellation);
        }

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        var count = await host.CallToolResultAsync(new ToolCall("tick_count") { Arguments = $$"""{"taskId":"{{call.TaskId}}"}""" }, cancellationToken: TestCancellation);
        Assert.Equal("3", count.SingleText());
        Assert.Equal(3, client.Notifications.Count);
        var whoami = JsonElement.Parse((await host.CallToolResultAsync(new ToolCall("whoami"), cancellationToken: TestCancellation)).SingleText());
        Assert.Equal(1, whoami.GetProperty("lifespan").GetProperty("tickCounters").GetInt32());
    }

    [Fact]
    public async Task TickCounter_ReturnsZero_AndRecordsNothing_ForZeroSecondsInAPlainCall()
    {
        await using var host = await StartHostAsync();
        var call = new ToolCall("tick_counter") { Arguments = """{"seconds":0}""" };

        var result = await host.CallToolResultAsync(call, cancellationToken: TestCancellation);

        Assert.Equal("0", result.SingleText());
        var count = await host.CallToolResultAsync(new ToolCall("tick_count") { Arguments = $$"""{"taskId":"{{call.TaskId}}"}""" }, cancellationToken: TestCancellation);
        Assert.True(count.IsError);
    }

    [Fact]
    public async Task TickCount_ReturnsAnErrorResult_ForATaskItNeverSaw()
    {
        await using var host = await StartHostAsync();

        var result = await host.CallToolResultAsync(new ToolCall("tick_count") { Arguments = """{"taskId":"nope"}""" }, cancellationToken: TestCancellation);

        Assert.True(result.IsError);
        Assert.Equal("No tick_counter task 'nope' has run on this silo.", result.SingleText());
    }
}
