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

    protected static GrainId NewGrain() => GrainId.Create("conformance", Guid.NewGuid().ToString("N"));

    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset value) => DateTimeOffset.FromUnixTimeMilliseconds(value.ToUnixTimeMilliseconds());

    private static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(ReadOnlyMemory<byte> data) => Encoding.UTF8.GetString(data.Span);
}
