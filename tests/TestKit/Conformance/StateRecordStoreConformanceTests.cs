using System.Text;
using Orleans.Storage;
using TaskActors.Storage.Records;
using Xunit;

namespace TaskActors.TestKit.Conformance;

/// <summary>
/// What every <see cref="IStateRecordStore"/> does: ETag compare-and-set on write and clear, per-record expiry, and
/// index queries (newest first, paged, partitioned, without expired or moved entries). A store's test class derives from
/// this one and only says how to create a store and how to make time pass.
/// </summary>
public abstract partial class StateRecordStoreConformanceTests
{
    protected const string StateName = "task";

    /// <summary>The store's current time (its clock, or the real one).</summary>
    protected abstract DateTimeOffset Now { get; }

    /// <summary>A lifetime short enough to wait out, long enough for the few operations a test does before it ends.</summary>
    protected virtual TimeSpan ShortLifetime => TimeSpan.FromMilliseconds(300);

    /// <summary>Cancelled when the test run is aborted.</summary>
    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>Creates an empty store, isolated from every other test's.</summary>
    protected abstract Task<IStateRecordStore> CreateStoreAsync();

    /// <summary>Returns once <paramref name="expiresAt"/> has passed for the store.</summary>
    protected abstract Task AdvancePastAsync(DateTimeOffset expiresAt);

    [Fact]
    public async Task ReadAsync_ReturnsNull_WhenRecordIsMissing()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.ReadAsync(StateName, NewGrain(), Cancellation));
    }

    [Fact]
    public async Task WriteAsync_CreatesRecord_WhenExpectedETagIsNull()
    {
        var store = await CreateStoreAsync();
        var grain = NewGrain();
        byte[] data = [0, 1, 0xFF, (byte)'\n', 0x7B];

        var etag = await store.WriteAsync(StateName, grain, data, null, default, Cancellation);

        var record = await store.ReadAsync(StateName, grain, Cancellation);
        Assert.NotNull(record);
        Assert.False(string.IsNullOrEmpty(etag));
        Assert.Equal(etag, record.ETag);
        Assert.Equal(data, record.Data.ToArray());
        Assert.Null(record.ExpiresAt);
        Assert.Null(record.Index);
    }

    [Fact]
    public async Task ReadAsync_ReturnsExpiryAndIndex_WhenWrittenWithThem()
    {
        var store = await CreateStoreAsync();
        var grain = NewGrain();
        var expiresAt = Now.AddMinutes(10);

        await store.WriteAsync(StateName, grain, Bytes("v1"), null, new StateRecordPolicy(expiresAt, new StateIndexEntry("owner-a", "0001")), Cancellation);

        var record = await store.ReadAsync(StateName, grain, Cancellation);
        Assert.NotNull(record);
        Assert.Equal(expiresAt.ToUnixTimeMilliseconds(), record.ExpiresAt?.ToUnixTimeMilliseconds());
        Assert.Equal(new StateIndexEntry("owner-a", "0001"), record.Index);
    }

    [Fact]
    public async Task WriteAsync_ReturnsNewETag_WhenExpectedETagIsCurrent()
    {
        var store = await CreateStoreAsync();
        var grain = NewGrain();
        var first = await store.WriteAsync(StateName, grain, Bytes("v1"), null, default, Cancellation);

        var second = await store.WriteAsync(StateName, grain, Bytes("v2"), first, default, Cancellation);

        Assert.NotEqual(first, second);
        var record = await store.ReadAsync(StateName, grain, Cancellation);
        Assert.NotNull(record);
        Assert.Equal(second, record.ETag);
        Assert.Equal("v2", Text(record));
    }

    [Fact]
    public async Task WriteAsync_ThrowsInconsistentState_WhenETagIsStale()
    {
        var store = await CreateStoreAsync();
        var grain = NewGrain();
        var first = await store.WriteAsync(StateName, grain, Bytes("v1"), null, default, Cancellation);
        var second = await store.WriteAsync(StateName, grain, Bytes("v2"), first, default, Cancellation);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteAsync(StateName, grain, Bytes("v3"), first, default, Cancellation));

        Assert.Equal(second, error.StoredEtag);
        await AssertStoredAsync(store, grain, second, "v2");
    }

    [Fact]
    public async Task WriteAsync_ThrowsInconsistentState_WhenRecordExistsAndExpectedETagIsNull()
    {
        var store = await CreateStoreAsync();
        var grain = NewGrain();
        var first = await store.WriteAsync(StateName, grain, Bytes("v1"), null, default, Cancellation);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteAsync(StateName, grain, Bytes("v2"), null, default, Cancellation));

        Assert.Equal(first, error.StoredEtag);
        await AssertStoredAsync(store, grain, first, "v1");
    }

    [Fact]
    public async Task WriteAsync_ThrowsInconsistentState_WhenRecordIsMissingAndExpectedETagIsSet()
    {
        var store = await CreateStoreAsync();
        var grain = NewGrain();

        await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteAsync(StateName, grain, Bytes("v1"), "no-such-etag", default, Cancellation));

        Assert.Null(await store.ReadAsync(StateName, grain, Cancellation));
    }

    [Fact]
    public async Task WriteAsync_LeavesIndexUnchanged_WhenETagIsStale()
    {
        var store = await CreateStoreAsync();
        var grain = NewGrain();
        var first = await store.WriteAsync(StateName, grain, Bytes("v1"), null, Indexed("owner", "0001"), Cancellation);
        await store.WriteAsync(StateName, grain, Bytes("v2"), first, Indexed("owner", "0002"), Cancellation);

        await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteAsync(StateName, grain, Bytes("v3"), first, Indexed("other", "0003"), Cancellation));

        var listed = await store.QueryIndexAsync(StateName, "owner", null, 10, Cancellation);
        Assert.Equal(["0002"], SortKeys(listed));
        Assert.Empty(await store.QueryIndexAsync(StateName, "other", null, 10, Cancellation));
    }

    [Fact]
    public async Task WriteAsync_ThrowsArgumentException_WhenSortKeyHasNewline()
    {
        var store = await CreateStoreAsync();
        var grain = NewGrain();

        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync(StateName, grain, Bytes("v1"), null, Indexed("owner", "a\nb"), Cancellation));

        Assert.Null(await store.ReadAsync(StateName, grain, Cancellation));
    }

    [Fact]
    public async Task WriteAsync_ThrowsArgumentException_WhenPartitionIsEmpty()
    {
        var store = await CreateStoreAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync(StateName, NewGrain(), Bytes("v1"), null, Indexed(string.Empty, "0001"), Cancellation));
    }

    [Fact]
    public async Task WriteAsync_LetsExactlyOneWriterWin_WhenWritersRaceWithSameETag()
    {
        var store = await CreateStoreAsync();
        var grain = NewGrain();
        var current = await store.WriteAsync(StateName, grain, Bytes("start"), null, Indexed("owner", "0000"), Cancellation);

        var outcomes = await RaceAsync(20, i => store.WriteAsync(StateName, grain, Bytes($"writer-{i}"), current, Indexed("owner", $"{i + 1:D4}"), Cancellation));

        var winner = Assert.Single(outcomes, o => o.ETag is not null);
        await AssertStoredAsync(store, grain, winner.ETag!, $"writer-{winner.Writer}");
        var listed = await store.QueryIndexAsync(StateName, "owner", null, 100, Cancellation);
        Assert.Equal([$"{winner.Writer + 1:D4}"], SortKeys(listed));
    }

    [Fact]
    public async Task WriteAsync_LetsExactlyOneCreatorWin_WhenCreatorsRaceWithNullETag()
    {
        var store = await CreateStoreAsync();
        var grain = NewGrain();

        var outcomes = await RaceAsync(20, i => store.WriteAsync(StateName, grain, Bytes($"creator-{i}"), null, default, Cancellation));

        var winner = Assert.Single(outcomes, o => o.ETag is not null);
        await AssertStoredAsync(store, grain, winner.ETag!, $"creator-{winner.Writer}");
    }

    [Fact]
    public async Task ClearAsync_DeletesRecord_WhenETagIsCurrent()
    {
        var store = await CreateStoreAsync();
        var grain = NewGrain();
        var etag = await store.WriteAsync(StateName, grain, Bytes("v1"), null, default, Cancellation);

        await store.ClearAsync(StateName, grain, etag, Cancellation);

        Assert.Null(await store.ReadAsync(StateName, grain, Cancellation));
    }

    [Fact]
    public async Task ClearAsync_ThrowsInconsistentState_WhenETagIsStale()
    {
        var store = await CreateStoreAsync();
        var grain = NewGrain();
        var first = await store.WriteAsync(StateName, grain, Bytes("v1"), null, default, Cancellation);
        var second = await store.WriteAsync(StateName, grain, Bytes("v2"), first, default, Cancellation);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => store.ClearAsync(StateName, grain, first, Cancellation));

        Assert.Equal(second, error.StoredEtag);
        await AssertStoredAsync(store, grain, second, "v2");
    }

    [Fact]
    public async Task ClearAsync_ThrowsInconsistentState_WhenRecordExistsAndETagIsNull()
    {
        var store = await CreateStoreAsync();
        var grain = NewGrain();
        var etag = await store.WriteAsync(StateName, grain, Bytes("v1"), null, default, Cancellation);

        await Assert.ThrowsAsync<InconsistentStateException>(() => store.ClearAsync(StateName, grain, null, Cancellation));

        await AssertStoredAsync(store, grain, etag, "v1");
    }

    [Fact]
    public async Task ClearAsync_Succeeds_WhenRecordIsMissingAndETagIsNull()
    {
        var store = await CreateStoreAsync();
        var grain = NewGrain();

        await store.ClearAsync(StateName, grain, null, Cancellation);

        Assert.Null(await store.ReadAsync(StateName, grain, Cancellation));
    }

    [Fact]
    public async Task ClearAsync_ThrowsInconsistentState_WhenRecordIsMissingAndETagIsSet()
    {
        var store = await CreateStoreAsync();

        await Assert.ThrowsAsync<InconsistentStateException>(() => store.ClearAsync(StateName, NewGrain(), "no-such-etag", Cancellation));
    }

    [Fact]
    public async Task ReadAsync_ReturnsNull_WhenRecordHasExpired()
    {
        var store = await CreateStoreAsync();
        var grain = NewGrain();
        var expiresAt = Now + ShortLifetime;
        await store.WriteAsync(StateName, grain, Bytes("v1"), null, new StateRecordPolicy(expiresAt, null), Cancellation);

        await AdvancePastAsync(expiresAt);

        Assert.Null(await store.ReadAsync(StateName, grain, Cancellation));
    }

    [Fact]
    public async Task WriteAsync_RecreatesRecord_WhenPreviousHasExpiredAndExpectedETagIsNull()
    {
        var store = await CreateStoreAsync();
        var grain = NewGrain();
        var expiresAt = Now + ShortLifetime;
        await store.WriteAsync(StateName, grain, Bytes("v1"), null, new StateRecordPolicy(expiresAt, null), Cancellation);
        await AdvancePastAsync(expiresAt);

        var etag = await store.WriteAsync(StateName, grain, Bytes("v2"), null, default, Cancellation);

        await AssertStoredAsync(store, grain, etag, "v2");
    }

    [Fact]
    public async Task WriteAsync_RemovesExpiry_WhenRewrittenWithoutOne()
    {
        var store = await CreateStoreAsync();
        var grain = NewGrain();
        var expiresAt = Now + ShortLifetime;
        var first = await store.WriteAsync(StateName, grain, Bytes("v1"), null, new StateRecordPolicy(expiresAt, null), Cancellation);
        var second = await store.WriteAsync(StateName, grain, Bytes("v2"), first, default, Cancellation);

        await AdvancePastAsync(expiresAt);

        var record = await AssertStoredAsync(store, grain, second, "v2");
        Assert.Null(record.ExpiresAt);
    }

    [Fact]
    public async Task WriteAsync_ExtendsExpiry_WhenRewrittenWithLaterOne()
    {
        var store = await CreateStoreAsync();
        var grain = NewGrain();
        var expiresAt = Now + ShortLifetime;
        var first = await store.WriteAsync(StateName, grain, Bytes("v1"), null, new StateRecordPolicy(expiresAt, null), Cancellation);
        var second = await store.WriteAsync(StateName, grain, Bytes("v2"), first, new StateRecordPolicy(Now.AddHours(1), null), Cancellation);

        await AdvancePastAsync(expiresAt);

        await AssertStoredAsync(store, grain, second, "v2");
    }

    /// <summary>Reads a record and checks its ETag and (UTF-8) data.</summary>
    protected static async Task<StateRecord> AssertStoredAsync(IStateRecordStore store, GrainId grain, string etag, string data)
    {
        var record = await store.ReadAsync(StateName, grain, Cancellation);
        Assert.NotNull(record);
        Assert.Equal(etag, record.ETag);
        Assert.Equal(data, Text(record));
        return record;
    }

    protected static GrainId NewGrain() => GrainId.Create("test", Guid.NewGuid().ToString("N"));

    protected static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    protected static string Text(StateRecord record) => Encoding.UTF8.GetString(record.Data.Span);

    protected static StateRecordPolicy Indexed(string partition, string sortKey, DateTimeOffset? expiresAt = null) => new(expiresAt, new StateIndexEntry(partition, sortKey));

    protected static string[] SortKeys(IEnumerable<IndexedStateRecord> records) => [.. records.Select(r => r.Record.Index?.SortKey ?? "<none>")];

    /// <summary>Starts <paramref name="count"/> writers at once; each outcome is the new ETag, or null when the writer lost.</summary>
    private static async Task<(int Writer, string? ETag)[]> RaceAsync(int count, Func<int, Task<string>> write)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = Enumerable.Range(0, count).Select(i => Task.Run(
            async () =>
            {
                await start.Task.WaitAsync(Cancellation);
                try
                {
                    return (i, (string?)await write(i));
                }
                catch (InconsistentStateException)
                {
                    return (i, null);
                }
            },
            Cancellation)).ToArray();
        start.SetResult();
        return await Task.WhenAll(writers);
    }
}
