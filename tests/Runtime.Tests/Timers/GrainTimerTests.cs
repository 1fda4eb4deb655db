using TaskActors.Runtime.Tests.Grains;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.Runtime.Tests.Timers;

public sealed class GrainTimerTests : ClusterTest
{
    [Fact]
    public async Task Timer_TicksAsTurnsOfTheActivation_EveryPeriod()
    {
        var clock = new ManualTimeProvider();
        await using var cluster = await StartClusterAsync(1, timeProvider: clock);
        var key = NewKey();
        var grain = cluster.Client.GetGrain<ICounterGrain>(key);
        await grain.StartTimerAsync(TimeSpan.FromSeconds(5), TestCancellation);

        for (var tick = 1; tick <= 3; tick++)
        {
            var ticked = TestSignals.WhenSet($"timer:{key}:{tick}");
            clock.Advance(TimeSpan.FromSeconds(5));
            await ticked.WaitAsync(TestTimeouts.Default, TestCancellation);

            // A plain call runs only after the tick's turn, which has armed the next tick by then.
            await grain.AddAsync(0, TestCancellation);
        }

        Assert.Equal(3, await grain.GetAsync(TestCancellation));
    }

    [Fact]
    public async Task Timer_DiesWithItsActivation_AndNeverTicksIntoTheNextOne()
    {
        var clock = new ManualTimeProvider();
        await using var cluster = await StartClusterAsync(1, timeProvider: clock);
        var key = NewKey();
        var grain = cluster.Client.GetGrain<ICounterGrain>(key);
        await grain.StartTimerAsync(TimeSpan.FromSeconds(5), TestCancellation);
        var activation = await grain.GetActivationAsync(TestCancellation);
        var deactivated = TestSignals.WhenSet($"deactivated:{key}:{activation}");
        await grain.DeactivateAsync(TestCancellation);
        await deactivated.WaitAsync(TestTimeouts.Default, TestCancellation);
        Assert.NotEqual(activation, await grain.GetActivationAsync(TestCancellation));

        clock.Advance(TimeSpan.FromSeconds(20));

        // A tick due during Advance would have been queued before this (non-interleaving) call and run first.
        Assert.Equal(0, await grain.AddAsync(0, TestCancellation));
        Assert.False(TestSignals.Get($"timer:{key}:1").Task.IsCompleted);
    }
}
