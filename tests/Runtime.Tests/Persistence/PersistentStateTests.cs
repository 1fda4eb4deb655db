using TaskActors.Runtime.Abstractions.Identity;
using TaskActors.Runtime.Abstractions.Persistence;
using TaskActors.Runtime.Tests.Grains;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.Runtime.Tests.Persistence;

public sealed class PersistentStateTests : ClusterTest
{
    [Fact]
    public async Task StaleWrite_FailsWithInconsistentState_AndTheActivationRereadsAfterwards()
    {
        await using var cluster = await StartClusterAsync(1);
        var key = NewKey();
        var grain = cluster.Client.GetGrain<ICounterGrain>(key);
        await grain.AddAsync(1, TestCancellation);
        var firstActivation = await grain.GetActivationAsync(TestCancellation);

        // Another writer (a stale twin, or an operator) changes the record behind the activation's back.
        var storage = cluster.Store.GetStorage("test");
        var grainId = GrainId.Create("counter", key);
        var record = await storage.ReadAsync("counter", grainId, TestCancellation);
        await storage.WriteAsync("counter", grainId, """{"value":100,"activations":1}"""u8.ToArray(), record!.ETag, null, cancellationToken: TestCancellation);
        var deactivated = TestSignals.WhenSet($"deactivated:{key}:{firstActivation}");

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => grain.AddAsync(1, TestCancellation));
        Assert.Contains("ETag", error.Message, StringComparison.Ordinal);
        Assert.Equal("InconsistentState", await deactivated.WaitAsync(TestTimeouts.Default, TestCancellation));

        // The next call gets a fresh activation that reads the newer state and builds on it.
        Assert.Equal(101, await grain.AddAsync(1, TestCancellation));
        Assert.NotEqual(firstActivation, await grain.GetActivationAsync(TestCancellation));
    }

    [Fact]
    public async Task State_SurvivesDeactivation()
    {
        await using var cluster = await StartClusterAsync(1);
        var key = NewKey();
        var grain = cluster.Client.GetGrain<ICounterGrain>(key);
        await grain.AddAsync(7, TestCancellation);
        var activation = await grain.GetActivationAsync(TestCancellation);
        var deactivated = TestSignals.WhenSet($"deactivated:{key}:{activation}");

        await grain.DeactivateAsync(TestCancellation);
        await deactivated.WaitAsync(TestTimeouts.Default, TestCancellation);

        Assert.Equal(7, await grain.GetAsync(TestCancellation));
        Assert.NotEqual(activation, await grain.GetActivationAsync(TestCancellation));
    }
}
