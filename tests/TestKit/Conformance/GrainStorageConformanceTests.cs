using System.Text;
using TaskActors.Runtime.Abstractions.Identity;
using TaskActors.Runtime.Abstractions.Persistence;
using TaskActors.Runtime.Persistence;
using Xunit;

namespace TaskActors.TestKit.Conformance;

/// <summary>What every <see cref="IGrainStorage"/> must do; each provider's test class only supplies <see cref="CreateStorageAsync"/>.</summary>
public abstract class GrainStorageConformanceTests
{
    private readonly string _state = "s" + Guid.NewGuid().ToString("N")[..8];

    protected abstract Task<IGrainStorage> CreateStorageAsync();

    /// <summary>The clock the provider measures expiry with.</summary>
    protected abstract DateTimeOffset Now { get; }

    [Fact]
    public async Task Read_ReturnsNull_WhenNoRecordExists()
    {
        var storage = await CreateStorageAsync();
        Assert.Null(await storage.ReadAsync(_state, NewGrain()));
    }

    [Fact]
    public async Task Write_CreatesRecord_WhenExpectingNone()
    {
        var storage = await CreateStorageAsync();
        var grain = NewGrain();
        var etag = await storage.WriteAsync(_state, grain, Bytes("{\"a\":1}"), null, null);

        var record = await storage.ReadAsync(_state, grain);
        Assert.NotNull(record);
        Assert.Equal("{\"a\":1}", Text(record.Data));
        Assert.Equal(etag, record.ETag);
        Assert.Null(record.ExpiresAt);
    }

    [Fact]
    public async Task Write_ChangesETag_WhenExpectingCurrent()
    {
        var storage = await CreateStorageAsync();
        var grain = NewGrain();
        var first = await storage.WriteAsync(_state, grain, Bytes("1"), null, null);
        var second = await storage.WriteAsync(_state, grain, Bytes("2"), first, null);

        Assert.NotEqual(first, second);
        Assert.Equal("2", Text((await storage.ReadAsync(_state, grain))!.Data));
    }

    [Fact]
    public async Task Write_ThrowsInconsistentState_WhenRecordExistsButNoneExpected()
    {
        var storage = await CreateStorageAsync();
        var grain = NewGrain();
        await storage.WriteAsync(_state, grain, Bytes("1"), null, null);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(_state, grain, Bytes("2"), null, null));
        Assert.Equal("1", Text((await storage.ReadAsync(_state, grain))!.Data));
    }

    [Fact]
    public async Task Write_ThrowsInconsistentStateAndChangesNothing_WhenETagIsStale()
    {
        var storage = await CreateStorageAsync();
        var grain = NewGrain();
        var first = await storage.WriteAsync(_state, grain, Bytes("1"), null, null);
        var second = await storage.WriteAsync(_state, grain, Bytes("2"), first, null);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(_state, grain, Bytes("stale"), first, null));
        var record = await storage.ReadAsync(_state, grain);
        Assert.Equal("2", Text(record!.Data));
        Assert.Equal(second, record.ETag);
    }

    [Fact]
    public async Task Write_ThrowsInconsistentState_WhenExpectingARecordThatDoesNotExist()
    {
        var storage = await CreateStorageAsync();
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(_state, NewGrain(), Bytes("1"), "42", null));
    }

    [Fact]
    public async Task Write_LetsExactlyOneWriterWin_WhenWritersRaceOnOneETag()
    {
        var storage = await CreateStorageAsync();
        var grain = NewGrain();
        var etag = await storage.WriteAsync(_state, grain, Bytes("0"), null, null);

        var attempts = Enumerable.Range(1, 16).Select(i => Task.Run(async () =>
        {
            try
            {
                await storage.WriteAsync(_state, grain, Bytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), etag, null);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, won => won);
    }

    [Fact]
    public async Task Clear_RemovesRecord_WhenETagIsCurrent()
    {
        var storage = await CreateStorageAsync();
        var grain = NewGrain();
        var etag = await storage.WriteAsync(_state, grain, Bytes("1"), null, null);
        await storage.ClearAsync(_state, grain, etag);

        Assert.Null(await storage.ReadAsync(_state, grain));
        await storage.WriteAsync(_state, grain, Bytes("again"), null, null);
    }

    [Fact]
    public async Task Clear_ThrowsInconsistentStateAndKeepsRecord_WhenETagIsStale()
    {
        var storage = await CreateStorageAsync();
        var grain = NewGrain();
        var first = await storage.WriteAsync(_state, grain, Bytes("1"), null, null);
        await storage.WriteAsync(_state, grain, Bytes("2"), first, null);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearAsync(_state, grain, first));
        Assert.NotNull(await storage.ReadAsync(_state, grain));
    }

    [Fact]
    public async Task Clear_Succeeds_WhenNoRecordAndNoneExpected()
    {
        var storage = await CreateStorageAsync();
        await storage.ClearAsync(_state, NewGrain(), null);
    }

    [Fact]
    public async Task Records_AreSeparate_PerStateNameAndGrain()
    {
        var storage = await CreateStorageAsync();
        var grain = NewGrain();
        var other = NewGrain();
        await storage.WriteAsync(_state, grain, Bytes("mine"), null, null);
        await storage.WriteAsync(_state + "x", grain, Bytes("other state"), null, null);
        await storage.WriteAsync(_state, other, Bytes("other grain"), null, null);

        Assert.Equal("mine", Text((await storage.ReadAsync(_state, grain))!.Data));
        Assert.Equal("other state", Text((await storage.ReadAsync(_state + "x", grain))!.Data));
        Assert.Equal("other grain", Text((await storage.ReadAsync(_state, other))!.Data));
    }

    [Fact]
    public async Task Keys_WithSeparatorsAndUnicode_AreStoredVerbatim()
    {
        var storage = await CreateStorageAsync();
        var grain = GrainId.Create("conformance", "client|user/with:colons {braces} ünïcode " + Guid.NewGuid());
        await storage.WriteAsync(_state, grain, Bytes("x"), null, null);

        Assert.Equal("x", Text((await storage.ReadAsync(_state, grain))!.Data));
        Assert.Null(await storage.ReadAsync(_state, GrainId.Create("conformance", "client|user")));
    }

    [Fact]
    public async Task Read_ReturnsExpiry_WhenWrittenWithOne()
    {
        var storage = await CreateStorageAsync();
        var grain = NewGrain();
        var expiresAt = TruncateToMilliseconds(Now + TimeSpan.FromHours(1));
        await storage.WriteAsync(_state, grain, Bytes("1"), null, expiresAt);

        var record = await storage.ReadAsync(_state, grain);
        Assert.Equal(expiresAt, record!.ExpiresAt);
    }

    [Fact]
    public async Task Read_ReturnsNull_WhenRecordHasExpired()
    {
        var storage = await CreateStorageAsync();
        var grain = NewGrain();
        await storage.WriteAsync(_state, grain, Bytes("1"), null, Now - TimeSpan.FromSeconds(1));

        Assert.Null(await storage.ReadAsync(_state, grain));
    }

    [Fact]
    public async Task Write_RemovesExpiry_WhenWrittenWithoutOne()
    {
        var storage = await CreateStorageAsync();
        var grain = NewGrain();
        var etag = await storage.WriteAsync(_state, grain, Bytes("1"), null, Now + TimeSpan.FromHours(1));
        await storage.WriteAsync(_state, grain, Bytes("2"), etag, null);

        Assert.Null((await storage.ReadAsync(_state, grain))!.ExpiresAt);
    }

    [Fact]
    public async Task QueryIndex_ReturnsPartitionNewestFirst_AndPagesBelowACursor()
    {
        var storage = await CreateStorageAsync();
        var partition = "p-" + Guid.NewGuid().ToString("N");
        var grains = Enumerable.Range(0, 5).Select(_ => NewGrain()).ToList();
        for (var i = 0; i < grains.Count; i++)
        {
            await storage.WriteAsync(_state, grains[i], Bytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), null, null, new StateIndexEntry(partition, $"k{i}"));
        }

        await storage.WriteAsync(_state, NewGrain(), Bytes("elsewhere"), null, null, new StateIndexEntry(partition + "-other", "k9"));

        var first = await storage.QueryIndexAsync(_state, partition, null, 3);
        var second = await storage.QueryIndexAsync(_state, partition, first[^1].Record.Index!.Value.SortKey, 3);

        Assert.Equal([grains[4], grains[3], grains[2]], first.Select(r => r.GrainId));
        Assert.Equal([grains[1], grains[0]], second.Select(r => r.GrainId));
        Assert.Equal("4", Text(first[0].Record.Data));
    }

    [Fact]
    public async Task QueryIndex_FollowsRewritesAndClears()
    {
        var storage = await CreateStorageAsync();
        var partition = "p-" + Guid.NewGuid().ToString("N");
        var moved = NewGrain();
        var unlisted = NewGrain();
        var cleared = NewGrain();
        var movedEtag = await storage.WriteAsync(_state, moved, Bytes("1"), null, null, new StateIndexEntry(partition, "a"));
        var unlistedEtag = await storage.WriteAsync(_state, unlisted, Bytes("1"), null, null, new StateIndexEntry(partition, "b"));
        var clearedEtag = await storage.WriteAsync(_state, cleared, Bytes("1"), null, null, new StateIndexEntry(partition, "c"));

        await storage.WriteAsync(_state, moved, Bytes("2"), movedEtag, null, new StateIndexEntry(partition, "z"));
        await storage.WriteAsync(_state, unlisted, Bytes("2"), unlistedEtag, null);
        await storage.ClearAsync(_state, cleared, clearedEtag);

        var listed = await storage.QueryIndexAsync(_state, partition, null, 10);
        var entry = Assert.Single(listed);
        Assert.Equal(moved, entry.GrainId);
        Assert.Equal(new StateIndexEntry(partition, "z"), entry.Record.Index);
    }

    [Fact]
    public async Task QueryIndex_SkipsExpiredRecords()
    {
        var storage = await CreateStorageAsync();
        var partition = "p-" + Guid.NewGuid().ToString("N");
        var live = NewGrain();
        await storage.WriteAsync(_state, live, Bytes("1"), null, Now + TimeSpan.FromHours(1), new StateIndexEntry(partition, "a"));
        await storage.WriteAsync(_state, NewGrain(), Bytes("1"), null, Now - TimeSpan.FromSeconds(1), new StateIndexEntry(partition, "b"));

        var listed = await storage.QueryIndexAsync(_state, partition, null, 10);

        Assert.Equal([live], listed.Select(r => r.GrainId));
    }

    protected static GrainId NewGrain() => GrainId.Create("conformance", Guid.NewGuid().ToString("N"));

    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset value) => DateTimeOffset.FromUnixTimeMilliseconds(value.ToUnixTimeMilliseconds());

    private static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(ReadOnlyMemory<byte> data) => Encoding.UTF8.GetString(data.Span);
}
