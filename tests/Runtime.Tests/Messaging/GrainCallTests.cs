using TaskActors.Runtime.Abstractions.Exceptions;
using TaskActors.Runtime.Tests.Grains;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.Runtime.Tests.Messaging;

public sealed class GrainCallTests : ClusterTest
{
    [Fact]
    public async Task Exception_ReachesCaller_WithItsTypeAndMessage()
    {
        await using var cluster = await StartClusterAsync(2);
        var grain = cluster.Client.GetGrain<IGateGrain>(NewKey());

        var invalid = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.FailAsync("invalid-operation", TestCancellation));
        var argument = await Assert.ThrowsAsync<ArgumentException>(() => grain.FailAsync("argument", TestCancellation));
        var asynchronous = await Assert.ThrowsAsync<NotSupportedException>(() => grain.FailAsync("later", TestCancellation));

        Assert.Equal("The grain failed on purpose.", invalid.Message);
        Assert.StartsWith("Bad argument on purpose.", argument.Message, StringComparison.Ordinal);
        Assert.Equal("Asynchronous failure 'later'.", asynchronous.Message);
    }

    [Fact]
    public async Task Exception_ArrivesAsRemoteGrainException_WhenItsTypeCannotBeRecreated()
    {
        await using var cluster = await StartClusterAsync(1);
        var grain = cluster.Client.GetGrain<IGateGrain>(NewKey());

        var remote = await Assert.ThrowsAsync<RemoteGrainException>(() => grain.FailAsync("unrecreatable", TestCancellation));

        Assert.Equal(typeof(UnrecreatableException).FullName, remote.RemoteExceptionType);
        Assert.Contains("Unrecreatable failure 42.", remote.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Arguments_AreCopied_EvenWithinOneSilo()
    {
        await using var cluster = await StartClusterAsync(1);
        var silo = cluster.Silos[0];
        var grain = silo.GrainFactory.GetGrain<IGateGrain>(NewKey());
        var items = new List<string> { "mine" };

        var returned = await grain.MutateAsync(items, TestCancellation);

        Assert.Equal(["mine"], items);
        Assert.Equal(["mine", "added by grain"], returned);
        Assert.NotSame(items, returned);
    }

    [Fact]
    public async Task CallCycle_EndsInDeadlineError_NamingGrainMethodAndSilo()
    {
        await using var cluster = await StartClusterAsync(2, new Dictionary<string, string?>
        {
            ["TaskActors:Messaging:ResponseTimeout"] = "00:00:01",
            ["TaskActors:Messaging:DeadlineCheckPeriod"] = "00:00:00.050",
        });
        var a = NewKey("a");
        var b = NewKey("b");

        // a.Call(b) -> b.CallBack(a) -> a.Ping: a is busy waiting on b, so the cycle can only end at a deadline.
        var error = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => cluster.Client.GetGrain<IGateGrain>(a).CallAsync(b, TestCancellation))
            .WaitAsync(TestTimeouts.Default, TestCancellation);

        Assert.Contains("gate/", error.Message, StringComparison.Ordinal);
        Assert.Contains("IGateGrain.", error.Message, StringComparison.Ordinal);
        // Either link of the cycle may time out first; both name the silo they waited on.
        Assert.Contains("(silo inproc:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_TripsTheCalleesToken_AndCancelsTheCaller()
    {
        await using var cluster = await StartClusterAsync(2);
        var signal = NewKey("cancel");
        var grain = cluster.Client.GetGrain<IGateGrain>(NewKey());
        using var cancellation = new CancellationTokenSource();
        var entered = TestSignals.WhenSet($"{signal}:entered");
        var cancelled = TestSignals.WhenSet($"{signal}:cancelled");

        var call = grain.WaitForCancellationAsync(signal, cancellation.Token);
        await entered.WaitAsync(TestTimeouts.Default, TestCancellation);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call).WaitAsync(TestTimeouts.Default, TestCancellation);
        await cancelled.WaitAsync(TestTimeouts.Default, TestCancellation);
    }

    [Fact]
    public async Task CalleeToken_Trips_WhenTheCallersDeadlinePasses()
    {
        await using var cluster = await StartClusterAsync(1, new Dictionary<string, string?>
        {
            ["TaskActors:Messaging:ResponseTimeout"] = "00:00:00.500",
            ["TaskActors:Messaging:DeadlineCheckPeriod"] = "00:00:00.050",
        });
        var signal = NewKey("deadline");
        var cancelled = TestSignals.WhenSet($"{signal}:cancelled");

        await Assert.ThrowsAsync<GrainCallTimeoutException>(() => cluster.Client.GetGrain<IGateGrain>(NewKey()).WaitForCancellationAsync(signal, TestCancellation));

        await cancelled.WaitAsync(TestTimeouts.Default, TestCancellation);
    }

    [Fact]
    public async Task Calls_AreAlreadyCancelled_WhenTokenIsCancelledBeforeSending()
    {
        await using var cluster = await StartClusterAsync(1);
        var grain = cluster.Client.GetGrain<ICounterGrain>(NewKey());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => grain.AddAsync(1, new CancellationToken(canceled: true)));

        Assert.Equal(0, await grain.GetAsync(TestCancellation));
    }

    [Fact]
    public async Task SameCall_GivesSameResult_FromEverySiloAndTheClient()
    {
        await using var cluster = await StartClusterAsync(3);
        var key = NewKey();
        await cluster.Client.GetGrain<ICounterGrain>(key).AddAsync(5, TestCancellation);

        var seen = await Task.WhenAll(cluster.Silos.Select(s => s.GrainFactory).Append(cluster.Client)
            .Select(f => f.GetGrain<ICounterGrain>(key).GetAsync(TestCancellation)));

        Assert.All(seen, value => Assert.Equal(5, value));
    }
}
