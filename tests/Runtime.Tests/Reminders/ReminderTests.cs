using TaskActors.Runtime.Abstractions.Identity;
using TaskActors.Runtime.Tests.Grains;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.Runtime.Tests.Reminders;

public sealed class ReminderTests : ClusterTest
{
    private static Dictionary<string, string?> ReminderSettings() => new()
    {
        ["TaskActors:Reminders:MinimumPeriod"] = "00:00:01",
        ["TaskActors:Reminders:RefreshPeriod"] = "00:00:05",
    };

    [Fact]
    public async Task Reminder_ReactivatesTheGrain_AfterItWasDeactivated()
    {
        var clock = new ManualTimeProvider();
        await using var cluster = await StartClusterAsync(1, ReminderSettings(), clock);
        var key = NewKey();
        var grain = cluster.Client.GetGrain<ICounterGrain>(key);
        await grain.StartReminderAsync("tick", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), TestCancellation);
        var first = await grain.GetActivationAsync(TestCancellation);
        var deactivated = TestSignals.WhenSet($"deactivated:{key}:{first}");
        await grain.DeactivateAsync(TestCancellation);
        await deactivated.WaitAsync(TestTimeouts.Default, TestCancellation);
        await Eventually.WaitUntilAsync(() => !cluster.Silos[0].HasActivation(GrainId.Create("counter", key)), "the activation leaves the catalog", cancellationToken: TestCancellation);
        var ticked = TestSignals.WhenSet($"reminder:{key}:1");

        clock.Advance(TimeSpan.FromMinutes(1));

        var tickedActivation = await ticked.WaitAsync(TestTimeouts.Default, TestCancellation);
        Assert.NotEqual(first, tickedActivation);
        Assert.Equal(1, await grain.GetAsync(TestCancellation));
    }

    [Fact]
    public async Task Reminder_KeepsTicking_UntilUnregistered()
    {
        var clock = new ManualTimeProvider();
        await using var cluster = await StartClusterAsync(1, ReminderSettings(), clock);
        var key = NewKey();
        var grain = cluster.Client.GetGrain<ICounterGrain>(key);
        await grain.StartReminderAsync("tick", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), TestCancellation);

        for (var tick = 1; tick <= 3; tick++)
        {
            var ticked = TestSignals.WhenSet($"reminder:{key}:{tick}");
            clock.Advance(TimeSpan.FromSeconds(10));
            await ticked.WaitAsync(TestTimeouts.Default, TestCancellation);
        }

        Assert.Equal(3, await grain.GetAsync(TestCancellation));
    }

    [Fact]
    public async Task OneShotReminder_StopsAfterItUnregistersItself()
    {
        var clock = new ManualTimeProvider();
        await using var cluster = await StartClusterAsync(1, ReminderSettings(), clock);
        var key = NewKey();
        var grain = cluster.Client.GetGrain<ICounterGrain>(key);
        await grain.StartReminderAsync("once", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), TestCancellation);
        var ticked = TestSignals.WhenSet($"reminder:{key}:1");

        clock.Advance(TimeSpan.FromSeconds(10));
        await ticked.WaitAsync(TestTimeouts.Default, TestCancellation);
        await Eventually.WaitUntilAsync(async () => await cluster.Store.Reminders.ReadRowAsync(GrainId.Create("counter", key), "once", TestCancellation) is null, "the one-shot reminder row is removed", cancellationToken: TestCancellation);
        await Eventually.WaitUntilAsync(() => LocalReminders(cluster.Silos[0]) == 0, "the silo stops its local timer", cancellationToken: TestCancellation);
        clock.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal(1, await grain.GetAsync(TestCancellation));
    }

    [Fact]
    public async Task Reminder_IsRejected_WhenPeriodIsBelowTheMinimum()
    {
        await using var cluster = await StartClusterAsync(1, ReminderSettings());
        var grain = cluster.Client.GetGrain<ICounterGrain>(NewKey());

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.StartReminderAsync("fast", TimeSpan.Zero, TimeSpan.FromMilliseconds(10), TestCancellation));

        Assert.Contains("MinimumPeriod", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminders_MoveToASurvivor_WhenTheirOwnerSiloStops()
    {
        await using var cluster = await StartClusterAsync(3, ReminderSettings());
        var keys = Enumerable.Range(0, 12).Select(_ => NewKey()).ToList();
        foreach (var key in keys)
        {
            await cluster.Client.GetGrain<ICounterGrain>(key).StartReminderAsync("tick", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TestCancellation);
        }

        // Every reminder is owned by exactly one silo.
        await Eventually.WaitUntilAsync(() => cluster.Silos.Sum(LocalReminders) == keys.Count, "every reminder has one owner", cancellationToken: TestCancellation);
        var victim = cluster.Silos.First(s => LocalReminders(s) > 0);
        await cluster.StopSiloAsync(victim, TestCancellation);

        await Eventually.WaitUntilAsync(() => cluster.Silos.Sum(LocalReminders) == keys.Count, "the survivors own every reminder", cancellationToken: TestCancellation);
        var ticks = keys.Select(k => TestSignals.WhenSet($"reminder:{k}:3"));
        await Task.WhenAll(ticks).WaitAsync(TestTimeouts.Recovery, TestCancellation);
    }

    private static int LocalReminders(Testing.InProcessSilo silo) =>
        ((Runtime.Reminders.ReminderService)silo.Services.GetService(typeof(Runtime.Reminders.ReminderService))!).LocalReminderCount;
}
