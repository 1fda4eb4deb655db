using TaskActors.Runtime.Abstractions.Identity;
using TaskActors.Runtime.Directory;
using TaskActors.Runtime.Identity;
using Xunit;

namespace TaskActors.TestKit.Conformance;

/// <summary>What every <see cref="IGrainDirectory"/> must do; each provider's test class only supplies <see cref="CreateDirectoryAsync"/>.</summary>
public abstract class GrainDirectoryConformanceTests
{
    private static readonly SiloAddress SiloA = new("10.0.0.1", 11111, 1);
    private static readonly SiloAddress SiloB = new("10.0.0.2", 11111, 1);

    protected abstract Task<IGrainDirectory> CreateDirectoryAsync();

    [Fact]
    public async Task Lookup_ReturnsNull_WhenNotRegistered()
    {
        var directory = await CreateDirectoryAsync();
        Assert.Null(await directory.LookupAsync(NewGrain()));
    }

    [Fact]
    public async Task Register_Wins_WhenGrainHasNoEntry()
    {
        var directory = await CreateDirectoryAsync();
        var address = Address(NewGrain(), SiloA);

        Assert.Equal(address, await directory.RegisterAsync(address, null));
        Assert.Equal(address, await directory.LookupAsync(address.GrainId));
    }

    [Fact]
    public async Task Register_ReturnsWinner_WhenGrainHasAnotherEntry()
    {
        var directory = await CreateDirectoryAsync();
        var grain = NewGrain();
        var first = Address(grain, SiloA);
        await directory.RegisterAsync(first, null);

        Assert.Equal(first, await directory.RegisterAsync(Address(grain, SiloB), null));
        Assert.Equal(first, await directory.LookupAsync(grain));
    }

    [Fact]
    public async Task Register_IsIdempotent_ForTheSameAddress()
    {
        var directory = await CreateDirectoryAsync();
        var address = Address(NewGrain(), SiloA);
        await directory.RegisterAsync(address, null);

        Assert.Equal(address, await directory.RegisterAsync(address, null));
    }

    [Fact]
    public async Task Register_ReplacesEntry_WhenPreviousAddressMatches()
    {
        var directory = await CreateDirectoryAsync();
        var grain = NewGrain();
        var stale = Address(grain, SiloA);
        await directory.RegisterAsync(stale, null);
        var replacement = Address(grain, SiloB);

        Assert.Equal(replacement, await directory.RegisterAsync(replacement, stale));
        Assert.Equal(replacement, await directory.LookupAsync(grain));
    }

    [Fact]
    public async Task Register_KeepsEntry_WhenPreviousAddressDoesNotMatch()
    {
        var directory = await CreateDirectoryAsync();
        var grain = NewGrain();
        var current = Address(grain, SiloA);
        await directory.RegisterAsync(current, null);

        Assert.Equal(current, await directory.RegisterAsync(Address(grain, SiloB), Address(grain, SiloA)));
        Assert.Equal(current, await directory.LookupAsync(grain));
    }

    [Fact]
    public async Task Register_LetsExactlyOneWin_WhenSilosRace()
    {
        var directory = await CreateDirectoryAsync();
        var grain = NewGrain();
        var candidates = Enumerable.Range(0, 16).Select(i => Address(grain, new SiloAddress("10.0.1." + i, 11111, 1))).ToList();

        var results = await Task.WhenAll(candidates.Select(c => Task.Run(() => directory.RegisterAsync(c, null))));

        var winner = Assert.Single(results.Distinct());
        Assert.Contains(winner, candidates);
        Assert.Equal(winner, await directory.LookupAsync(grain));
    }

    [Fact]
    public async Task Unregister_RemovesEntry_WhenAddressMatches()
    {
        var directory = await CreateDirectoryAsync();
        var address = Address(NewGrain(), SiloA);
        await directory.RegisterAsync(address, null);
        await directory.UnregisterAsync(address);

        Assert.Null(await directory.LookupAsync(address.GrainId));
    }

    [Fact]
    public async Task Unregister_KeepsEntry_WhenActivationDiffers()
    {
        var directory = await CreateDirectoryAsync();
        var grain = NewGrain();
        var current = Address(grain, SiloA);
        await directory.RegisterAsync(current, null);
        await directory.UnregisterAsync(Address(grain, SiloA));

        Assert.Equal(current, await directory.LookupAsync(grain));
    }

    [Fact]
    public async Task UnregisterSilos_RemovesEntriesOfThoseSilosOnly()
    {
        var directory = await CreateDirectoryAsync();
        var onA = Address(NewGrain(), SiloA);
        var onB = Address(NewGrain(), SiloB);
        await directory.RegisterAsync(onA, null);
        await directory.RegisterAsync(onB, null);

        await directory.UnregisterSilosAsync([SiloA]);

        Assert.Null(await directory.LookupAsync(onA.GrainId));
        Assert.Equal(onB, await directory.LookupAsync(onB.GrainId));
    }

    [Fact]
    public async Task Entries_KeepKeysVerbatim_WithSeparatorsAndUnicode()
    {
        var directory = await CreateDirectoryAsync();
        var address = Address(GrainId.Create("conformance", "a|b/c:{d} é " + Guid.NewGuid()), SiloA);
        await directory.RegisterAsync(address, null);

        Assert.Equal(address, await directory.LookupAsync(address.GrainId));
    }

    private static GrainId NewGrain() => GrainId.Create("conformance", Guid.NewGuid().ToString("N"));

    private static GrainAddress Address(GrainId grain, SiloAddress silo) => new(grain, silo, ActivationId.NewId());
}
