using TaskActors.Grains.Abstractions.Tasks;
using TaskActors.SampleServers.Tests.Harness;
using Xunit;

namespace TaskActors.SampleServers.Tests.Tasks;

public sealed class TaskFixtureToolsTests : SampleServersTest
{
    [Fact]
    public async Task SlowEcho_ReturnsTheText_OnceItsSecondsHavePassed()
    {
        var clock = new SignalingTimeProvider();
        await using var host = await StartHostAsync(clock);

        var call = host.CallToolResultAsync(new ToolCall("slow_echo") { Arguments = """{"text":"hello","seconds":2}""", IsBackgroundTask = true }, cancellationToken: TestCancellation);
        Assert.Equal(TimeSpan.FromSeconds(2), await clock.NextTimerAsync(TestCancellation));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(call.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        var result = await call;

        Assert.Equal("hello", result.SingleText());
    }

    [Fact]
    public async Task SlowEcho_EndsCancelled_WhenItsTaskIsCancelled()
    {
        var clock = new SignalingTimeProvider();
        await using var host = await StartHostAsync(clock);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestCancellation);

        var call = host.CallToolAsync(new ToolCall("slow_echo") { Arguments = """{"text":"hello","seconds":3600}""", IsBackgroundTask = true }, cancellationToken: cancellation.Token);
        await clock.NextTimerAsync(TestCancellation);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3601)]
    public async Task SlowEcho_ReturnsAnErrorResult_ForSecondsOutOfRange(double seconds)
    {
        await using var host = await StartHostAsync();

        var result = await host.CallToolResultAsync(new ToolCall("slow_echo") { Arguments = $$"""{"text":"x","seconds":{{seconds}}}""" }, cancellationToken: TestCancellation);

        Assert.True(result.IsError);
        Assert.StartsWith("'seconds' must be between 0 and 3600", result.SingleText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequiredJob_SummarizesItsRun()
    {
        var clock = new SignalingTimeProvider();
        await using var host = await StartHostAsync(clock);
        var call = new ToolCall("required_job") { Arguments = """{"seconds":0.5}""", IsBackgroundTask = true };

        var run = host.CallToolResultAsync(call, cancellationToken: TestCancellation);
        await clock.NextTimerAsync(TestCancellation);
        clock.Advance(TimeSpan.FromSeconds(0.5));

        Assert.Equal($"required_job finished after 0.5 s as task {call.TaskId}.", (await run).SingleText());
    }

    [Fact]
    public async Task SyncOnly_ReturnsAtOnce()
    {
        await using var host = await StartHostAsync();

        var result = await host.CallToolResultAsync(new ToolCall("sync_only"), cancellationToken: TestCancellation);

        Assert.Equal("sync_only ran as a plain call.", result.SingleText());
        Assert.NotEqual(true, result.IsError);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Noop_ReturnsOk_AsATaskAndAsAPlainCall(bool isBackgroundTask)
    {
        await using var host = await StartHostAsync();

        var outcome = await host.CallToolAsync(new ToolCall("noop") { IsBackgroundTask = isBackgroundTask }, cancellationToken: TestCancellation);

        Assert.Equal(ToolTaskStatus.Completed, outcome.Status);
        JsonAssert.Equal("""{"content":[{"type":"text","text":"ok"}]}""", outcome.Result);
    }

    [Fact]
    public async Task Boom_EndsInAnErrorResult_ThatHidesTheException()
    {
        await using var host = await StartHostAsync();

        var outcome = await host.CallToolAsync(new ToolCall("boom") { IsBackgroundTask = true }, cancellationToken: TestCancellation);

        Assert.True(outcome.IsError);
        Assert.Equal(ToolTaskStatus.Failed, outcome.Status);
        JsonAssert.Equal("""{"content":[{"type":"text","text":"An error occurred invoking 'boom'."}],"isError":true}""", outcome.Result);
    }

    [Fact]
    public async Task SoftFail_EndsInItsOwnErrorResult()
    {
        await using var host = await StartHostAsync();

        var outcome = await host.CallToolAsync(new ToolCall("soft_fail") { IsBackgroundTask = true }, cancellationToken: TestCancellation);

        Assert.Null(outcome.Error);
        Assert.Equal(ToolTaskStatus.Failed, outcome.Status);
        Assert.Equal("soft_fail: this tool reports an error result.", outcome.Summary);
        JsonAssert.Equal("""{"content":[{"type":"text","text":"soft_fail: this tool reports an error result."}],"isError":true}""", outcome.Result);
    }
}
