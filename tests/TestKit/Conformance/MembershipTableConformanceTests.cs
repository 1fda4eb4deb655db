using TaskActors.Runtime.Identity;
using TaskActors.Runtime.Membership;
using Xunit;

namespace TaskActors.TestKit.Conformance;

/// <summary>What every <see cref="IMembershipTable"/> must do; each provider's test class only supplies <see cref="CreateTableAsync"/>.</summary>
public abstract class MembershipTableConformanceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Creates an empty table (a fresh cluster).</summary>
    protected abstract Task<IMembershipTable> CreateTableAsync();

    [Fact]
    public async Task ReadAll_ReturnsNothing_WhenEmpty()
    {
        var table = await CreateTableAsync();
        Assert.Empty(await table.ReadAllAsync());
    }

    [Fact]
    public async Task Insert_AddsRow_WhenSiloIsNew()
    {
        var table = await CreateTableAsync();
        var entry = Entry(NewSilo(), SiloStatus.Joining);

        var etag = await table.InsertRowAsync(entry);

        Assert.NotNull(etag);
        var row = await table.ReadRowAsync(entry.Silo);
        Assert.Equal(entry, row!.Entry);
        Assert.Equal(etag, row.ETag);
    }

    [Fact]
    public async Task Insert_ReturnsNullAndKeepsRow_WhenSiloExists()
    {
        var table = await CreateTableAsync();
        var entry = Entry(NewSilo(), SiloStatus.Joining);
        await table.InsertRowAsync(entry);

        Assert.Null(await table.InsertRowAsync(entry with { Status = SiloStatus.Active }));
        Assert.Equal(SiloStatus.Joining, (await table.ReadRowAsync(entry.Silo))!.Entry.Status);
    }

    [Fact]
    public async Task Update_ReplacesRowAndETag_WhenETagIsCurrent()
    {
        var table = await CreateTableAsync();
        var entry = Entry(NewSilo(), SiloStatus.Joining);
        var etag = await table.InsertRowAsync(entry);

        var newEtag = await table.UpdateRowAsync(entry with { Status = SiloStatus.Active }, etag!);

        Assert.NotNull(newEtag);
        Assert.NotEqual(etag, newEtag);
        Assert.Equal(SiloStatus.Active, (await table.ReadRowAsync(entry.Silo))!.Entry.Status);
    }

    [Fact]
    public async Task Update_ReturnsNullAndChangesNothing_WhenETagIsStale()
    {
        var table = await CreateTableAsync();
        var entry = Entry(NewSilo(), SiloStatus.Joining);
        var etag = await table.InsertRowAsync(entry);
        await table.UpdateRowAsync(entry with { Status = SiloStatus.Active }, etag!);

        Assert.Null(await table.UpdateRowAsync(entry with { Status = SiloStatus.Dead }, etag!));
        Assert.Equal(SiloStatus.Active, (await table.ReadRowAsync(entry.Silo))!.Entry.Status);
    }

    [Fact]
    public async Task Update_ReturnsNull_WhenRowDoesNotExist()
    {
        var table = await CreateTableAsync();
        Assert.Null(await table.UpdateRowAsync(Entry(NewSilo(), SiloStatus.Active), "1"));
    }

    [Fact]
    public async Task UpdateIAmAlive_WritesTimeAndChangesETag_WhenSiloIsAlive()
    {
        var table = await CreateTableAsync();
        var entry = Entry(NewSilo(), SiloStatus.Active);
        var etag = await table.InsertRowAsync(entry);

        Assert.True(await table.UpdateIAmAliveAsync(entry.Silo, T0 + TimeSpan.FromSeconds(5)));

        var row = await table.ReadRowAsync(entry.Silo);
        Assert.Equal(T0 + TimeSpan.FromSeconds(5), row!.Entry.IAmAliveTime);
        Assert.NotEqual(etag, row.ETag);

        // A failure detector that read the row before the heartbeat cannot declare it dead.
        Assert.Null(await table.UpdateRowAsync(entry with { Status = SiloStatus.Dead }, etag!));
    }

    [Fact]
    public async Task UpdateIAmAlive_ReturnsFalseAndKeepsRowDead_WhenSiloWasDeclaredDead()
    {
        var table = await CreateTableAsync();
        var entry = Entry(NewSilo(), SiloStatus.Active);
        var etag = await table.InsertRowAsync(entry);
        await table.UpdateRowAsync(entry with { Status = SiloStatus.Dead }, etag!);

        Assert.False(await table.UpdateIAmAliveAsync(entry.Silo, T0 + TimeSpan.FromSeconds(5)));
        var row = await table.ReadRowAsync(entry.Silo);
        Assert.Equal(SiloStatus.Dead, row!.Entry.Status);
        Assert.Equal(T0, row.Entry.IAmAliveTime);
    }

    [Fact]
    public async Task UpdateIAmAlive_ReturnsFalse_WhenSiloHasNoRow()
    {
        var table = await CreateTableAsync();
        Assert.False(await table.UpdateIAmAliveAsync(NewSilo(), T0));
    }

    [Fact]
    public async Task ReadAll_ReturnsEveryRow()
    {
        var table = await CreateTableAsync();
        var silos = Enumerable.Range(0, 3).Select(_ => NewSilo()).ToList();
        foreach (var silo in silos)
        {
            await table.InsertRowAsync(Entry(silo, SiloStatus.Active));
        }

        var rows = await table.ReadAllAsync();
        Assert.Equal(silos.OrderBy(s => s.ToString()), rows.Select(r => r.Entry.Silo).OrderBy(s => s.ToString()));
    }

    [Fact]
    public async Task Update_LetsExactlyOneWriterWin_WhenWritersRaceOnOneETag()
    {
        var table = await CreateTableAsync();
        var entry = Entry(NewSilo(), SiloStatus.Active);
        var etag = await table.InsertRowAsync(entry);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => table.UpdateRowAsync(entry with { SiloName = "writer-" + i }, etag!))));

        Assert.Single(results, r => r is not null);
    }

    [Fact]
    public async Task DeleteDefunctRows_RemovesOnlyDeadRowsOlderThanCutoff()
    {
        var table = await CreateTableAsync();
        var oldDead = Entry(NewSilo(), SiloStatus.Dead) with { IAmAliveTime = T0 - TimeSpan.FromDays(2) };
        var recentDead = Entry(NewSilo(), SiloStatus.Dead);
        var oldActive = Entry(NewSilo(), SiloStatus.Active) with { IAmAliveTime = T0 - TimeSpan.FromDays(2) };
        await table.InsertRowAsync(oldDead);
        await table.InsertRowAsync(recentDead);
        await table.InsertRowAsync(oldActive);

        Assert.Equal(1, await table.DeleteDefunctRowsAsync(T0 - TimeSpan.FromDays(1)));

        Assert.Null(await table.ReadRowAsync(oldDead.Silo));
        Assert.NotNull(await table.ReadRowAsync(recentDead.Silo));
        Assert.NotNull(await table.ReadRowAsync(oldActive.Silo));
    }

    private static SiloAddress NewSilo() => new("10.1." + Random.Shared.Next(256) + "." + Random.Shared.Next(256), 11111, Random.Shared.NextInt64(1, long.MaxValue));

    private static MembershipEntry Entry(SiloAddress silo, SiloStatus status) => new()
    {
        Silo = silo,
        SiloName = "silo-" + silo.Generation,
        Status = status,
        StartTime = T0 - TimeSpan.FromMinutes(1),
        IAmAliveTime = T0,
    };
}
