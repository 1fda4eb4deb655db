using TaskActors.Storage.Records;
using Xunit;

namespace TaskActors.TestKit.Conformance;

/// <summary>The index queries of the conformance suite.</summary>
public abstract partial class StateRecordStoreConformanceTests
{
    [Fact]
    public async Task QueryIndexAsync_ReturnsNewestFirst_WhenSortKeysDiffer()
    {
        var store = await CreateStoreAsync();
        var grains = new Dictionary<string, (GrainId Grain, string ETag)>();
        foreach (var sortKey in (string[])["0003", "0001", "0005", "0002", "0004"])
        {
            var grain = NewGrain();
            grains[sortKey] = (grain, await store.WriteAsync(StateName, grain, Bytes($"at-{sortKey}"), null, Indexed("owner", sortKey), Cancellation));
        }

        var listed = await store.QueryIndexAsync(StateName, "owner", null, 10, Cancellation);

        Assert.Equal(["0005", "0004", "0003", "0002", "0001"], SortKeys(listed));
        foreach (var entry in listed)
        {
            var sortKey = entry.Record.Index!.Value.SortKey;
            Assert.Equal(grains[sortKey].Grain, entry.GrainId);
            Assert.Equal(grains[sortKey].ETag, entry.Record.ETag);
            Assert.Equal($"at-{sortKey}", Text(entry.Record));
            Assert.Equal("owner", entry.Record.Index.Value.Partition);
        }
    }

    [Fact]
    public async Task QueryIndexAsync_ReturnsOlderPages_WhenBeforeSortKeyIsGiven()
    {
        var store = await CreateStoreAsync();
        await WriteIndexedAsync(store, "owner", "0001", "0002", "0003", "0004", "0005");

        var first = await store.QueryIndexAsync(StateName, "owner", null, 2, Cancellation);
        var second = await store.QueryIndexAsync(StateName, "owner", first[^1].Record.Index!.Value.SortKey, 2, Cancellation);
        var third = await store.QueryIndexAsync(StateName, "owner", second[^1].Record.Index!.Value.SortKey, 2, Cancellation);
        var past = await store.QueryIndexAsync(StateName, "owner", "0001", 2, Cancellation);

        Assert.Equal(["0005", "0004"], SortKeys(first));
        Assert.Equal(["0003", "0002"], SortKeys(second));
        Assert.Equal(["0001"], SortKeys(third));
        Assert.Empty(past);
    }

    [Fact]
    public async Task QueryIndexAsync_StartsBelowBeforeSortKey_WhenNoRecordHasThatKey()
    {
        var store = await CreateStoreAsync();
        await WriteIndexedAsync(store, "owner", "0010", "0020", "0030");

        var listed = await store.QueryIndexAsync(StateName, "owner", "0025", 10, Cancellation);
        var belowPrefix = await store.QueryIndexAsync(StateName, "owner", "002", 10, Cancellation);

        Assert.Equal(["0020", "0010"], SortKeys(listed));
        Assert.Equal(["0010"], SortKeys(belowPrefix));
    }

    [Fact]
    public async Task QueryIndexAsync_ReturnsAtMostLimit_WhenMoreRecordsMatch()
    {
        var store = await CreateStoreAsync();
        await WriteIndexedAsync(store, "owner", "0001", "0002", "0003", "0004", "0005");

        var listed = await store.QueryIndexAsync(StateName, "owner", null, 3, Cancellation);

        Assert.Equal(["0005", "0004", "0003"], SortKeys(listed));
    }

    [Fact]
    public async Task QueryIndexAsync_ReturnsEmpty_WhenPartitionIsUnknown()
    {
        var store = await CreateStoreAsync();
        await WriteIndexedAsync(store, "owner", "0001");

        Assert.Empty(await store.QueryIndexAsync(StateName, "nobody", null, 10, Cancellation));
    }

    [Fact]
    public async Task QueryIndexAsync_ThrowsArgumentOutOfRange_WhenLimitIsZero()
    {
        var store = await CreateStoreAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.QueryIndexAsync(StateName, "owner", null, 0, Cancellation));
    }

    [Fact]
    public async Task QueryIndexAsync_ReturnsOnlyPartitionRecords_WhenOtherPartitionsHaveRecords()
    {
        var store = await CreateStoreAsync();
        await WriteIndexedAsync(store, "owner", "0001", "0003");
        await WriteIndexedAsync(store, "owner-2", "0002");
        await WriteIndexedAsync(store, "own", "0004");

        var listed = await store.QueryIndexAsync(StateName, "owner", null, 10, Cancellation);

        Assert.Equal(["0003", "0001"], SortKeys(listed));
        Assert.All(listed, r => Assert.Equal("owner", r.Record.Index?.Partition));
    }

    [Fact]
    public async Task QueryIndexAsync_ReturnsOnlyStateRecords_WhenOtherStateUsesSamePartition()
    {
        var store = await CreateStoreAsync();
        await WriteIndexedAsync(store, "owner", "0001");
        var other = NewGrain();
        await store.WriteAsync("session", other, Bytes("session"), null, Indexed("owner", "0002"), Cancellation);

        var tasks = await store.QueryIndexAsync(StateName, "owner", null, 10, Cancellation);
        var sessions = await store.QueryIndexAsync("session", "owner", null, 10, Cancellation);

        Assert.Equal(["0001"], SortKeys(tasks));
        Assert.Equal(other, Assert.Single(sessions).GrainId);
    }

    [Fact]
    public async Task QueryIndexAsync_ListsRecordOnce_WhenReindexedUnderNewSortKey()
    {
        var store = await CreateStoreAsync();
        var grain = NewGrain();
        var first = await store.WriteAsync(StateName, grain, Bytes("v1"), null, Indexed("owner", "0001"), Cancellation);

        var second = await store.WriteAsync(StateName, grain, Bytes("v2"), first, Indexed("owner", "0002"), Cancellation);

        var entry = Assert.Single(await store.QueryIndexAsync(StateName, "owner", null, 10, Cancellation));
        Assert.Equal(grain, entry.GrainId);
        Assert.Equal(second, entry.Record.ETag);
        Assert.Equal(new StateIndexEntry("owner", "0002"), entry.Record.Index);
    }

    [Fact]
    public async Task QueryIndexAsync_ListsRecordInNewPartitionOnly_WhenReindexedUnderNewPartition()
    {
        var store = await CreateStoreAsync();
        var grain = NewGrain();
        var first = await store.WriteAsync(StateName, grain, Bytes("v1"), null, Indexed("owner", "0001"), Cancellation);

        await store.WriteAsync(StateName, grain, Bytes("v2"), first, Indexed("heir", "0001"), Cancellation);

        Assert.Empty(await store.QueryIndexAsync(StateName, "owner", null, 10, Cancellation));
        Assert.Equal(grain, Assert.Single(await store.QueryIndexAsync(StateName, "heir", null, 10, Cancellation)).GrainId);
    }

    [Fact]
    public async Task QueryIndexAsync_OmitsRecord_WhenRewrittenWithoutIndex()
    {
        var store = await CreateStoreAsync();
        var grain = NewGrain();
        var first = await store.WriteAsync(StateName, grain, Bytes("v1"), null, Indexed("owner", "0001"), Cancellation);

        await store.WriteAsync(StateName, grain, Bytes("v2"), first, default, Cancellation);

        Assert.Empty(await store.QueryIndexAsync(StateName, "owner", null, 10, Cancellation));
        Assert.Null((await store.ReadAsync(StateName, grain, Cancellation))?.Index);
    }

    [Fact]
    public async Task QueryIndexAsync_OmitsRecord_WhenCleared()
    {
        var store = await CreateStoreAsync();
        var kept = await WriteIndexedAsync(store, "owner", "0001");
        var grain = NewGrain();
        var etag = await store.WriteAsync(StateName, grain, Bytes("v1"), null, Indexed("owner", "0002"), Cancellation);

        await store.ClearAsync(StateName, grain, etag, Cancellation);

        Assert.Equal(kept[0], Assert.Single(await store.QueryIndexAsync(StateName, "owner", null, 10, Cancellation)).GrainId);
    }

    [Fact]
    public async Task QueryIndexAsync_SkipsRecords_WhenExpired()
    {
        var store = await CreateStoreAsync();
        var expiresAt = Now + ShortLifetime;
        var lasting = Now.AddHours(1);
        await store.WriteAsync(StateName, NewGrain(), Bytes("a"), null, Indexed("owner", "0001", lasting), Cancellation);
        await store.WriteAsync(StateName, NewGrain(), Bytes("b"), null, Indexed("owner", "0002", expiresAt), Cancellation);
        await store.WriteAsync(StateName, NewGrain(), Bytes("c"), null, Indexed("owner", "0003"), Cancellation);
        await store.WriteAsync(StateName, NewGrain(), Bytes("d"), null, Indexed("owner", "0004", expiresAt), Cancellation);
        await store.WriteAsync(StateName, NewGrain(), Bytes("e"), null, Indexed("owner", "0005", expiresAt), Cancellation);

        await AdvancePastAsync(expiresAt);

        Assert.Equal(["0003"], SortKeys(await store.QueryIndexAsync(StateName, "owner", null, 1, Cancellation)));
        Assert.Equal(["0003", "0001"], SortKeys(await store.QueryIndexAsync(StateName, "owner", null, 2, Cancellation)));
        Assert.Equal(["0003", "0001"], SortKeys(await store.QueryIndexAsync(StateName, "owner", null, 10, Cancellation)));
        Assert.Equal(["0001"], SortKeys(await store.QueryIndexAsync(StateName, "owner", "0003", 10, Cancellation)));
    }

    [Fact]
    public async Task QueryIndexAsync_ReturnsEmpty_WhenEveryRecordExpired()
    {
        var store = await CreateStoreAsync();
        var expiresAt = Now + ShortLifetime;
        for (var i = 0; i < 5; i++)
        {
            await store.WriteAsync(StateName, NewGrain(), Bytes("x"), null, Indexed("owner", $"{i:D4}", expiresAt), Cancellation);
        }

        await AdvancePastAsync(expiresAt);

        Assert.Empty(await store.QueryIndexAsync(StateName, "owner", null, 2, Cancellation));
    }

    [Fact]
    public async Task QueryIndexAsync_KeepsListingLongerLivedRecords_WhenShorterLivedRecordJoinsLater()
    {
        var store = await CreateStoreAsync();
        var expiresAt = Now + ShortLifetime;
        var lasting = NewGrain();
        var forever = NewGrain();
        await store.WriteAsync(StateName, lasting, Bytes("lasting"), null, Indexed("owner", "0001", Now.AddHours(1)), Cancellation);
        await store.WriteAsync(StateName, NewGrain(), Bytes("brief"), null, Indexed("owner", "0002", expiresAt), Cancellation);
        await store.WriteAsync(StateName, forever, Bytes("forever"), null, Indexed("other", "0001"), Cancellation);
        await store.WriteAsync(StateName, NewGrain(), Bytes("brief"), null, Indexed("other", "0002", expiresAt), Cancellation);

        await AdvancePastAsync(expiresAt);

        Assert.Equal(lasting, Assert.Single(await store.QueryIndexAsync(StateName, "owner", null, 10, Cancellation)).GrainId);
        Assert.Equal(forever, Assert.Single(await store.QueryIndexAsync(StateName, "other", null, 10, Cancellation)).GrainId);
    }

    [Fact]
    public async Task QueryIndexAsync_ListsRecordOnce_WhenExpiredRecordIsRecreatedUnderNewSortKey()
    {
        var store = await CreateStoreAsync();
        var grain = NewGrain();
        var expiresAt = Now + ShortLifetime;
        var lasting = await WriteIndexedAsync(store, "owner", "0000");
        await store.WriteAsync(StateName, grain, Bytes("v1"), null, Indexed("owner", "0001", expiresAt), Cancellation);
        await AdvancePastAsync(expiresAt);

        var etag = await store.WriteAsync(StateName, grain, Bytes("v2"), null, Indexed("owner", "0002"), Cancellation);

        var listed = await store.QueryIndexAsync(StateName, "owner", null, 10, Cancellation);
        Assert.Equal(["0002", "0000"], SortKeys(listed));
        Assert.Equal([grain, lasting[0]], listed.Select(r => r.GrainId));
        Assert.Equal(etag, listed[0].Record.ETag);
    }

    /// <summary>Writes one new record per sort key into a partition; returns their grains in the same order.</summary>
    protected static async Task<GrainId[]> WriteIndexedAsync(IStateRecordStore store, string partition, params string[] sortKeys)
    {
        var grains = new GrainId[sortKeys.Length];
        for (var i = 0; i < sortKeys.Length; i++)
        {
            grains[i] = NewGrain();
            await store.WriteAsync(StateName, grains[i], Bytes($"at-{sortKeys[i]}"), null, Indexed(partition, sortKeys[i]), Cancellation);
        }

        return grains;
    }
}
