using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TaskActors.Runtime.Abstractions.Identity;
using TaskActors.Runtime.Configuration;
using TaskActors.Runtime.Membership;
using TaskActors.Runtime.Tests.Grains;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.Runtime.Tests.Cluster;

public sealed class ClusterFailoverTests : ClusterTest
{
    /// <summary>
    /// What a busy 2-core CI machine may add to the failure detector's bound (death timeout + one refresh, 1 s with
    /// <see cref="ClusterTest.FastMembership"/>): a late refresh tick, the table read and write, and the subscriber's
    /// thread. A detector off by more than that (waiting eight death timeouts instead of one, say) fails the test.
    /// </summary>
    private static readonly TimeSpan DetectionSchedulingMargin = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Grain_IsActivatedExactlyOnce_UnderConcurrentFirstCallsFromAllSilos()
    {
        await using var cluster = await StartClusterAsync(3);
        var keys = Enumerable.Range(0, 40).Select(_ => NewKey()).ToList();
        var callers = cluster.Silos.Select(s => s.GrainFactory).Append(cluster.Client).ToList();

        var calls = keys.SelectMany(key => callers.SelectMany(caller => Enumerable.Range(0, 3).Select(async _ =>
            (Key: key, Activation: await caller.GetGrain<ICounterGrain>(key).GetActivationAsync(TestCancellation)))));
        var results = await Task.WhenAll(calls);

        foreach (var group in results.GroupBy(r => r.Key))
        {
            Assert.Single(group.Select(r => r.Activation).Distinct());
            var holders = cluster.Silos.Count(s => s.HasActivation(GrainId.Create("counter", group.Key)));
            Assert.Equal(1, holders);
        }

        // The grains spread over the silos rather than piling onto one.
        Assert.All(cluster.Silos, s => Assert.True(s.ActivationCount > 0, $"{s.Name} holds no activation"));
    }

    [Fact]
    public async Task GracefulStop_RecreatesItsGrainsElsewhere_WithTheirLastWrittenState()
    {
        await using var cluster = await StartClusterAsync(3);
        var keys = Enumerable.Range(0, 30).Select(_ => NewKey()).ToList();
        for (var i = 0; i < keys.Count; i++)
        {
            await cluster.Client.GetGrain<ICounterGrain>(keys[i]).AddAsync(i + 1, TestCancellation);
        }

        var victim = cluster.Silos.OrderByDescending(s => s.ActivationCount).First();
        var moved = keys.Where(k => victim.HasActivation(GrainId.Create("counter", k))).ToList();
        Assert.NotEmpty(moved);
        await cluster.StopSiloAsync(victim, TestCancellation);

        for (var i = 0; i < keys.Count; i++)
        {
            Assert.Equal(i + 1, await cluster.Client.GetGrain<ICounterGrain>(keys[i]).GetAsync(TestCancellation));
        }

        Assert.All(moved, k => Assert.Single(cluster.Silos, s => s.HasActivation(GrainId.Create("counter", k))));
        Assert.DoesNotContain(victim, cluster.Silos);
    }

    [Fact]
    public async Task GracefulStop_LosesNoCall_WhileCallsAreInFlight()
    {
        await using var cluster = await StartClusterAsync(3);
        var keys = Enumerable.Range(0, 20).Select(_ => NewKey()).ToList();
        foreach (var key in keys)
        {
            await cluster.Client.GetGrain<ICounterGrain>(key).AddAsync(1, TestCancellation);
        }

        var victim = cluster.Silos.OrderByDescending(s => s.ActivationCount).First();
        var load = Task.WhenAll(keys.Select(async key =>
        {
            for (var i = 0; i < 20; i++)
            {
                await cluster.Client.GetGrain<ICounterGrain>(key).AddAsync(1, TestCancellation);
            }
        }));
        await cluster.StopSiloAsync(victim, TestCancellation);
        await load.WaitAsync(TestTimeouts.Recovery, TestCancellation);

        foreach (var key in keys)
        {
            Assert.Equal(21, await cluster.Client.GetGrain<ICounterGrain>(key).GetAsync(TestCancellation));
        }
    }

    [Fact]
    public async Task Crash_RecreatesItsGrainsElsewhere_WithTheirLastWrittenState()
    {
        await using var cluster = await StartClusterAsync(3, FastMembership());
        var keys = Enumerable.Range(0, 30).Select(_ => NewKey()).ToList();
        for (var i = 0; i < keys.Count; i++)
        {
            await cluster.Client.GetGrain<ICounterGrain>(keys[i]).AddAsync(i + 1, TestCancellation);
        }

        var victim = cluster.Silos.OrderByDescending(s => s.ActivationCount).First();
        var lost = keys.Where(k => victim.HasActivation(GrainId.Create("counter", k))).ToList();
        Assert.NotEmpty(lost);
        await cluster.KillSiloAsync(victim);

        // Calls made right after the crash wait for the failure detector, then land on a survivor.
        var values = await Task.WhenAll(keys.Select(k => cluster.Client.GetGrain<ICounterGrain>(k).GetAsync(TestCancellation)))
            .WaitAsync(TestTimeouts.Recovery, TestCancellation);

        Assert.Equal(Enumerable.Range(1, keys.Count), values);
        await cluster.WaitForSiloDeclaredDeadAsync(victim.Address, TestTimeouts.Recovery, TestCancellation);
        Assert.All(lost, k => Assert.Single(cluster.Silos, s => s.HasActivation(GrainId.Create("counter", k))));
    }

    [Fact]
    public async Task Crash_IsDetected_WithinTheDeathTimeoutPlusOneRefresh()
    {
        await using var cluster = await StartClusterAsync(2, FastMembership());
        var survivor = cluster.Silos[0];
        var victim = cluster.Silos[1];
        var options = survivor.Services.GetRequiredService<IOptions<MembershipOptions>>().Value;
        var declaredAt = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = survivor.Services.GetRequiredService<MembershipView>().Subscribe(snapshot =>
        {
            if (snapshot.IsDead(victim.Address))
            {
                declaredAt.TrySetResult(cluster.TimeProvider.GetUtcNow());
            }
        });

        await cluster.KillSiloAsync(victim);
        var declared = await declaredAt.Task.WaitAsync(TestTimeouts.Recovery, TestCancellation);

        // The survivor declares the victim dead at its first table refresh after the victim's last heartbeat (kept in
        // its row, on the same clock) has aged past the death timeout: never sooner, and at most one refresh later.
        var row = await cluster.Store.Membership.ReadRowAsync(victim.Address, TestCancellation);
        var silence = declared - row!.Entry.IAmAliveTime;
        var bound = options.DeathTimeout + options.TableRefreshPeriod;
        Output.WriteLine($"Declared dead {silence.TotalMilliseconds:F0} ms after the last heartbeat; death timeout {options.DeathTimeout}, refresh {options.TableRefreshPeriod}.");
        Assert.True(silence > options.DeathTimeout, $"Declared dead after {silence}, before the death timeout of {options.DeathTimeout}.");
        Assert.True(silence <= bound + DetectionSchedulingMargin, $"Declared dead after {silence}; the bound is {bound} (death timeout + one refresh) + {DetectionSchedulingMargin} scheduling margin.");
    }

    [Fact]
    public async Task Silo_StopsItself_WhenItFindsItselfDeclaredDead()
    {
        await using var cluster = await StartClusterAsync(2, FastMembership());
        var silo = cluster.Silos[1];
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        silo.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stopping.TrySetResult());

        var row = await cluster.Store.Membership.ReadRowAsync(silo.Address, TestCancellation);
        Assert.NotNull(await cluster.Store.Membership.UpdateRowAsync(row!.Entry with { Status = SiloStatus.Dead }, row.ETag, TestCancellation));

        await stopping.Task.WaitAsync(TestTimeouts.Default, TestCancellation);
    }
}
