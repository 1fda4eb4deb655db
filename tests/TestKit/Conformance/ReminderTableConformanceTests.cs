using TaskActors.Runtime.Abstractions.Identity;
using TaskActors.Runtime.Reminders;
using Xunit;

namespace TaskActors.TestKit.Conformance;

/// <summary>What every <see cref="IReminderTable"/> must do; each provider's test class only supplies <see cref="CreateTableAsync"/>.</summary>
public abstract class ReminderTableConformanceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Creates an empty table.</summary>
    protected abstract Task<IReminderTable> CreateTableAsync();

    [Fact]
    public async Task Upsert_StoresRowWithETag()
    {
        var table = await CreateTableAsync();
        var entry = Entry(NewGrain(), "r1");

        var etag = await table.UpsertRowAsync(entry);

        var row = await table.ReadRowAsync(entry.GrainId, "r1");
        Assert.Equal(entry with { ETag = etag }, row);
    }

    [Fact]
    public async Task Upsert_ReplacesRowAndChangesETag_WhenReminderExists()
    {
        var table = await CreateTableAsync();
        var entry = Entry(NewGrain(), "r1");
        var first = await table.UpsertRowAsync(entry);

        var second = await table.UpsertRowAsync(entry with { Period = TimeSpan.FromMinutes(5) });

        Assert.NotEqual(first, second);
        Assert.Equal(TimeSpan.FromMinutes(5), (await table.ReadRowAsync(entry.GrainId, "r1"))!.Period);
    }

    [Fact]
    public async Task ReadRowsOfGrain_ReturnsThatGrainsRemindersOnly()
    {
        var table = await CreateTableAsync();
        var grain = NewGrain();
        await table.UpsertRowAsync(Entry(grain, "a"));
        await table.UpsertRowAsync(Entry(grain, "b"));
        await table.UpsertRowAsync(Entry(NewGrain(), "a"));

        var rows = await table.ReadRowsAsync(grain);

        Assert.Equal(["a", "b"], rows.Select(r => r.ReminderName).Order());
    }

    [Fact]
    public async Task Remove_DeletesRow_WhenETagIsCurrent()
    {
        var table = await CreateTableAsync();
        var entry = Entry(NewGrain(), "r1");
        var etag = await table.UpsertRowAsync(entry);

        Assert.True(await table.RemoveRowAsync(entry.GrainId, "r1", etag));
        Assert.Null(await table.ReadRowAsync(entry.GrainId, "r1"));
    }

    [Fact]
    public async Task Remove_ReturnsFalseAndKeepsRow_WhenETagIsStale()
    {
        var table = await CreateTableAsync();
        var entry = Entry(NewGrain(), "r1");
        var stale = await table.UpsertRowAsync(entry);
        await table.UpsertRowAsync(entry);

        Assert.False(await table.RemoveRowAsync(entry.GrainId, "r1", stale));
        Assert.NotNull(await table.ReadRowAsync(entry.GrainId, "r1"));
    }

    [Fact]
    public async Task Remove_ReturnsFalse_WhenReminderDoesNotExist()
    {
        var table = await CreateTableAsync();
        Assert.False(await table.RemoveRowAsync(NewGrain(), "missing", "1"));
    }

    [Fact]
    public async Task ReadRowsInRange_PartitionsTheRing()
    {
        var table = await CreateTableAsync();
        var grains = Enumerable.Range(0, 40).Select(_ => NewGrain()).ToList();
        foreach (var grain in grains)
        {
            await table.UpsertRowAsync(Entry(grain, "tick"));
        }

        const uint split = 0x8000_0000;
        var low = await table.ReadRowsAsync(0x1234_5678, split);
        var high = await table.ReadRowsAsync(split, 0x1234_5678);
        var whole = await table.ReadRowsAsync(7, 7);

        var mine = grains.ToHashSet();
        Assert.All(low, r => Assert.True(r.GrainId.GetUniformHashCode() is > 0x1234_5678 and <= split));
        Assert.All(high, r => Assert.False(r.GrainId.GetUniformHashCode() is > 0x1234_5678 and <= split));
        Assert.Equal(mine, low.Concat(high).Select(r => r.GrainId).Where(mine.Contains).ToHashSet());
        Assert.Equal(grains.Count, low.Concat(high).Count(r => mine.Contains(r.GrainId)));
        Assert.Equal(mine, whole.Select(r => r.GrainId).Where(mine.Contains).ToHashSet());
    }

    private static GrainId NewGrain() => GrainId.Create("conformance", Guid.NewGuid().ToString("N"));

    private static ReminderEntry Entry(GrainId grain, string name) => new()
    {
        GrainId = grain,
        ReminderName = name,
        StartAt = T0,
        Period = TimeSpan.FromMinutes(1),
    };
}
