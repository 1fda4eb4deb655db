using TaskActors.Runtime.Abstractions.Identity;
using TaskActors.Runtime.Tests.Grains;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.Runtime.Tests.Activation;

public sealed class ActivationLifecycleTests : ClusterTest
{
    [Fact]
    public async Task IdleActivation_IsCollected_AfterCollectionAge()
    {
        var clock = new ManualTimeProvider();
        await using var cluster = await StartClusterAsync(1, new Dictionary<string, string?>
        {
            ["TaskActors:GrainCollection:CollectionAge"] = "00:10:00",
            ["TaskActors:GrainCollection:CollectionQuantum"] = "00:01:00",
        }, clock);
        var key = NewKey();
        var grain = cluster.Client.GetGrain<ICounterGrain>(key);
        var activation = await grain.GetActivationAsync(TestCancellation);
        var deactivated = TestSignals.WhenSet($"deactivated:{key}:{activation}");

        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.True(cluster.Silos[0].HasActivation(GrainId.Create("counter", key)));

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("ActivationIdle", await deactivated.WaitAsync(TestTimeouts.Default, TestCancellation));
    }

    [Fact]
    public async Task ActiveActivation_IsNotCollected_WhileCallsKeepArriving()
    {
        var clock = new ManualTimeProvider();
        await using var cluster = await StartClusterAsync(1, new Dictionary<string, string?>
        {
            ["TaskActors:GrainCollection:CollectionAge"] = "00:10:00",
            ["TaskActors:GrainCollection:CollectionQuantum"] = "00:01:00",
        }, clock);
        var grain = cluster.Client.GetGrain<ICounterGrain>(NewKey());
        var activation = await grain.GetActivationAsync(TestCancellation);

        for (var minute = 0; minute < 30; minute += 5)
        {
            clock.Advance(TimeSpan.FromMinutes(5));
            Assert.Equal(activation, await grain.GetActivationAsync(TestCancellation));
        }
    }

    [Fact]
    public async Task DeactivateOnIdle_DeactivatesAfterTheCall_AndNextCallActivatesAgain()
    {
        await using var cluster = await StartClusterAsync(1);
        var key = NewKey();
        var grain = cluster.Client.GetGrain<ICounterGrain>(key);
        var first = await grain.GetActivationAsync(TestCancellation);
        var deactivated = TestSignals.WhenSet($"deactivated:{key}:{first}");

        await grain.DeactivateAsync(TestCancellation);

        Assert.Equal("ApplicationRequested", await deactivated.WaitAsync(TestTimeouts.Default, TestCancellation));
        Assert.NotEqual(first, await grain.GetActivationAsync(TestCancellation));
    }

    [Fact]
    public async Task FailedActivation_FailsTheCallWithTheReason_AndLeavesNoActivation()
    {
        await using var cluster = await StartClusterAsync(1);
        var key = NewKey("fail-activation");
        var grain = cluster.Client.GetGrain<ICounterGrain>(key);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.GetAsync(TestCancellation));

        Assert.Contains("This grain refuses to activate.", error.Message, StringComparison.Ordinal);
        Assert.Contains($"counter/{key}", error.Message, StringComparison.Ordinal);
        Assert.False(cluster.Silos[0].HasActivation(GrainId.Create("counter", key)));
        Assert.Null(await cluster.Store.Directory.LookupAsync(GrainId.Create("counter", key), TestCancellation));
    }
}
