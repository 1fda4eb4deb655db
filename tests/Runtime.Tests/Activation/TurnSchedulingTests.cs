using TaskActors.Runtime.Tests.Grains;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.Runtime.Tests.Activation;

public sealed class TurnSchedulingTests : ClusterTest
{
    [Fact]
    public async Task NonInterleavingCall_WaitsForRunningRequest_UntilItCompletes()
    {
        await using var cluster = await StartClusterAsync(1);
        var gate = NewKey("gate");
        var grain = cluster.Client.GetGrain<IGateGrain>(NewKey());
        var entered = TestSignals.WhenSet($"{gate}:entered");

        var held = grain.HoldAsync(gate, TestCancellation);
        await entered.WaitAsync(TestTimeouts.Default, TestCancellation);

        // Ping is sent before Peek by the same caller, so it reaches the mailbox first: had it been allowed to
        // interleave, it would have run before Peek, while HoldAsync still held the grain, and said so in its reply.
        var ping = grain.PingAsync(TestCancellation);
        var peek = await grain.PeekAsync(TestCancellation).WaitAsync(TestTimeouts.Default, TestCancellation);

        // The interleaving read ran while HoldAsync held the grain; the plain call could not start.
        Assert.Equal("peek during hold", peek);
        Assert.False(held.IsCompleted);

        TestSignals.Set($"{gate}:open");
        Assert.Equal("held", await held.WaitAsync(TestTimeouts.Default, TestCancellation));
        Assert.Equal("ping", await ping.WaitAsync(TestTimeouts.Default, TestCancellation));
    }

    [Fact]
    public async Task InterleavingCalls_NeverRunOnTwoThreadsAtOnce()
    {
        await using var cluster = await StartClusterAsync(1);
        var grain = cluster.Client.GetGrain<IGateGrain>(NewKey());

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => grain.BusyAsync(20, TestCancellation)));

        Assert.All(results, maxInside => Assert.Equal(1, maxInside));
    }

    [Fact]
    public async Task Calls_RunInArrivalOrder_ForOneCaller()
    {
        await using var cluster = await StartClusterAsync(1);
        var grain = cluster.Client.GetGrain<ICounterGrain>(NewKey());

        var results = new List<int>();
        foreach (var _ in Enumerable.Range(0, 20))
        {
            results.Add(await grain.AddAsync(1, TestCancellation));
        }

        Assert.Equal(Enumerable.Range(1, 20), results);
    }

    [Fact]
    public async Task ConcurrentWrites_AllApply_BecauseTurnsDoNotInterleave()
    {
        await using var cluster = await StartClusterAsync(2);
        var key = NewKey();
        var callers = cluster.Silos.Select(s => s.GrainFactory).Append(cluster.Client).ToList();

        await Task.WhenAll(Enumerable.Range(0, 60).Select(i => callers[i % callers.Count].GetGrain<ICounterGrain>(key).AddAsync(1, TestCancellation)));

        Assert.Equal(60, await cluster.Client.GetGrain<ICounterGrain>(key).GetAsync(TestCancellation));
    }
}
