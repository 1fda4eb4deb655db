using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using StackExchange.Redis.Profiling;
using TaskActors.Storage.Records;
using TaskActors.Storage.Redis;
using TaskActors.TestKit;
using TaskActors.TestKit.Conformance;
using TaskActors.TestKit.Redis;
using Xunit;

namespace TaskActors.Storage.Tests.Redis;

/// <summary>
/// The Redis store against the conformance suite on a real <c>redis-server</c> (one per class, a key prefix per test),
/// on real time, plus what only Redis shows: round trips, key expiries and wrapped errors.
/// </summary>
public sealed class RedisStateRecordStoreTests(RedisServerFixture fixture) : StateRecordStoreConformanceTests, IClassFixture<RedisServerFixture>
{
    private readonly string _prefix = Guid.NewGuid().ToString("N");

    protected override DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    protected override TimeSpan ShortLifetime => TimeSpan.FromMilliseconds(500);

    protected override Task<IStateRecordStore> CreateStoreAsync() => Task.FromResult<IStateRecordStore>(CreateStore(fixture.Connection));

    /// <summary>Waits until Redis' own clock is past <paramref name="expiresAt"/> (Redis expires a key once its clock passes the key's expiry).</summary>
    protected override async Task AdvancePastAsync(DateTimeOffset expiresAt)
    {
        var target = expiresAt.ToUnixTimeMilliseconds();
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var serverNow = new DateTimeOffset(DateTime.SpecifyKind(await fixture.Admin.TimeAsync(), DateTimeKind.Utc)).ToUnixTimeMilliseconds();
            if (serverNow > target)
            {
                return;
            }

            if (TimeProvider.System.GetElapsedTime(started) > TestTimeouts.Default)
            {
                throw new TimeoutException($"Redis' clock did not pass {expiresAt:O} within {TestTimeouts.Default} (it reads {DateTimeOffset.FromUnixTimeMilliseconds(serverNow):O}).");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Clamp(target - serverNow + 1, 1, 50)), Cancellation);
        }
    }

    [Fact]
    public async Task WriteAsync_SendsOneScriptCall_WhenCreatingUpdatingAndClearing()
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(fixture.Server.ConnectionString);
        var profiling = new AsyncLocal<ProfilingSession?>();
        connection.RegisterProfiler(() => profiling.Value);
        var store = CreateStore(connection);
        var grain = NewGrain();
        var expiresAt = Now.AddMinutes(10);

        var create = await CountCommandsAsync(profiling, () => store.WriteAsync(StateName, grain, Bytes("v1"), null, Indexed("owner", "0001", expiresAt), Cancellation));
        var etag = (await store.ReadAsync(StateName, grain, Cancellation))!.ETag;
        var update = await CountCommandsAsync(profiling, () => store.WriteAsync(StateName, grain, Bytes("v2"), etag, Indexed("heir", "0002", expiresAt.AddMinutes(1)), Cancellation));
        etag = (await store.ReadAsync(StateName, grain, Cancellation))!.ETag;
        var clear = await CountCommandsAsync(profiling, () => store.ClearAsync(StateName, grain, etag, Cancellation));

        foreach (var (sent, scriptCalls) in (Counted[])[create, update, clear])
        {
            Assert.Equal(["EVAL|EVALSHA"], sent.Select(c => c is "EVAL" or "EVALSHA" ? "EVAL|EVALSHA" : c));
            Assert.Equal(1, scriptCalls);
        }
    }

    [Fact]
    public async Task WriteAsync_SetsRecordExpiry_WhenExpiryIsGiven()
    {
        var store = CreateStore(fixture.Connection);
        var grain = NewGrain();
        var expiresAt = Now.AddMinutes(10);
        var database = fixture.Connection.GetDatabase();
        var recordKey = RedisKeys.Record(_prefix, StateName, grain);
        var indexKey = RedisKeys.Index(_prefix, StateName, "owner");

        var etag = await store.WriteAsync(StateName, grain, Bytes("v1"), null, Indexed("owner", "0001", expiresAt), Cancellation);

        Assert.Equal(expiresAt.ToUnixTimeMilliseconds(), UnixMilliseconds(await database.KeyExpireTimeAsync(recordKey)));
        Assert.Equal(expiresAt.ToUnixTimeMilliseconds(), UnixMilliseconds(await database.KeyExpireTimeAsync(indexKey)));
        var ttl = await database.KeyTimeToLiveAsync(recordKey);
        Assert.InRange(ttl!.Value, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));

        await store.WriteAsync(StateName, grain, Bytes("v2"), etag, Indexed("owner", "0001"), Cancellation);

        Assert.Null(await database.KeyExpireTimeAsync(recordKey));
        Assert.Null(await database.KeyExpireTimeAsync(indexKey));
    }

    [Fact]
    public async Task WriteAsync_KeepsIndexAsLongAsLongestLivedMember_WhenMembersExpireAtDifferentTimes()
    {
        var store = CreateStore(fixture.Connection);
        var database = fixture.Connection.GetDatabase();
        var indexKey = RedisKeys.Index(_prefix, StateName, "owner");
        var later = Now.AddMinutes(20);

        await store.WriteAsync(StateName, NewGrain(), Bytes("a"), null, Indexed("owner", "0001", Now.AddMinutes(10)), Cancellation);
        await store.WriteAsync(StateName, NewGrain(), Bytes("b"), null, Indexed("owner", "0002", later), Cancellation);
        await store.WriteAsync(StateName, NewGrain(), Bytes("c"), null, Indexed("owner", "0003", Now.AddMinutes(5)), Cancellation);

        Assert.Equal(later.ToUnixTimeMilliseconds(), UnixMilliseconds(await database.KeyExpireTimeAsync(indexKey)));

        await store.WriteAsync(StateName, NewGrain(), Bytes("d"), null, Indexed("owner", "0004"), Cancellation);
        await store.WriteAsync(StateName, NewGrain(), Bytes("e"), null, Indexed("owner", "0005", Now.AddMinutes(1)), Cancellation);

        Assert.Null(await database.KeyExpireTimeAsync(indexKey));
        Assert.Equal(5, await database.SortedSetLengthAsync(indexKey));
    }

    [Fact]
    public async Task WriteAsync_RemovesOldIndexMember_WhenRecordIsReindexedOrCleared()
    {
        var store = CreateStore(fixture.Connection);
        var database = fixture.Connection.GetDatabase();
        var grain = NewGrain();
        var owner = RedisKeys.Index(_prefix, StateName, "owner");
        var heir = RedisKeys.Index(_prefix, StateName, "heir");
        var etag = await store.WriteAsync(StateName, grain, Bytes("v1"), null, Indexed("owner", "0001"), Cancellation);

        etag = await store.WriteAsync(StateName, grain, Bytes("v2"), etag, Indexed("owner", "0002"), Cancellation);
        Assert.Equal([RedisKeys.IndexMember("0002", grain)], (await database.SortedSetRangeByRankAsync(owner)).Select(m => (string)m!));

        etag = await store.WriteAsync(StateName, grain, Bytes("v3"), etag, Indexed("heir", "0002"), Cancellation);
        Assert.False(await database.KeyExistsAsync(owner));
        Assert.Equal(1, await database.SortedSetLengthAsync(heir));

        await store.ClearAsync(StateName, grain, etag, Cancellation);
        Assert.False(await database.KeyExistsAsync(heir));
        Assert.False(await database.KeyExistsAsync(RedisKeys.Record(_prefix, StateName, grain)));
    }

    [Fact]
    public async Task QueryIndexAsync_RemovesIndexMembers_WhenTheirRecordsExpired()
    {
        var store = CreateStore(fixture.Connection);
        var database = fixture.Connection.GetDatabase();
        var indexKey = RedisKeys.Index(_prefix, StateName, "owner");
        var expiresAt = Now + ShortLifetime;
        await store.WriteAsync(StateName, NewGrain(), Bytes("a"), null, Indexed("owner", "0001"), Cancellation);
        await store.WriteAsync(StateName, NewGrain(), Bytes("b"), null, Indexed("owner", "0002", expiresAt), Cancellation);
        await store.WriteAsync(StateName, NewGrain(), Bytes("c"), null, Indexed("owner", "0003", expiresAt), Cancellation);
        await AdvancePastAsync(expiresAt);

        var listed = await store.QueryIndexAsync(StateName, "owner", null, 10, Cancellation);

        Assert.Equal(["0001"], SortKeys(listed));
        Assert.Equal(1, await database.SortedSetLengthAsync(indexKey));
    }

    [Fact]
    public async Task ReadAsync_WrapsRedisError_WhenRecordKeyHoldsAnotherType()
    {
        var store = CreateStore(fixture.Connection);
        var grain = NewGrain();
        await fixture.Connection.GetDatabase().StringSetAsync(RedisKeys.Record(_prefix, StateName, grain), "not a hash");

        var error = await Assert.ThrowsAsync<OrleansException>(() => store.ReadAsync(StateName, grain, Cancellation));

        Assert.IsType<RedisServerException>(error.InnerException);
        Assert.Contains(StateName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_WrapsRedisError_WhenServerWasKilled()
    {
        await using var server = await RedisServer.StartAsync(cancellationToken: Cancellation);
        var options = ConfigurationOptions.Parse(server.ConnectionString);
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.AbortOnConnectFail = false;
        options.AsyncTimeout = 2_000;
        await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
        var store = CreateStore(connection);
        await store.WriteAsync(StateName, NewGrain(), Bytes("v1"), null, default, Cancellation);

        await server.KillAsync();

        var error = await Assert.ThrowsAsync<OrleansException>(() => store.WriteAsync(StateName, NewGrain(), Bytes("v1"), null, default, Cancellation));
        Assert.True(error.InnerException is RedisException or RedisTimeoutException, $"Unexpected inner exception: {error.InnerException}");
    }

    private RedisStateRecordStore CreateStore(IConnectionMultiplexer connection) => new(connection, Options.Create(new RedisStorageOptions { KeyPrefix = _prefix }));

    /// <summary>
    /// Runs an operation, returning the commands the client sent for it (from the client's profiler) and how many scripts
    /// the server ran meanwhile (from <c>INFO commandstats</c>; each class has its own server and its tests run one at a time).
    /// </summary>
    private async Task<Counted> CountCommandsAsync(AsyncLocal<ProfilingSession?> profiling, Func<Task> operation)
    {
        var before = await ScriptCallsAsync();
        var session = new ProfilingSession();
        profiling.Value = session;
        try
        {
            await operation();
        }
        finally
        {
            profiling.Value = null;
        }

        var sent = session.FinishProfiling().Select(c => c.Command).ToArray();
        return new Counted(sent, await ScriptCallsAsync() - before);
    }

    /// <summary>How many EVAL and EVALSHA calls the server has run.</summary>
    private async Task<long> ScriptCallsAsync()
    {
        var sections = await fixture.Admin.InfoAsync("commandstats");
        return sections
            .SelectMany(s => s)
            .Where(p => p.Key is "cmdstat_eval" or "cmdstat_evalsha")
            .Sum(p => long.Parse(p.Value.Split(',')[0]["calls=".Length..], CultureInfo.InvariantCulture));
    }

    private static long? UnixMilliseconds(DateTime? time) => time is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)).ToUnixTimeMilliseconds() : null;

    private sealed record Counted(string[] Sent, long ScriptCalls);
}
