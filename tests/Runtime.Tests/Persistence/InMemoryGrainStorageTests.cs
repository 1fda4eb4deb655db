using TaskActors.Runtime.Persistence;
using TaskActors.TestKit;
using TaskActors.TestKit.Conformance;
using Xunit;

namespace TaskActors.Runtime.Tests.Persistence;

public sealed class InMemoryGrainStorageTests : GrainStorageConformanceTests
{
    private readonly ManualTimeProvider _clock = new();

    protected override DateTimeOffset Now => _clock.GetUtcNow();

    protected override Task<IGrainStorage> CreateStorageAsync() => Task.FromResult<IGrainStorage>(new InMemoryGrainStorage(_clock));

    [Fact]
    public async Task Record_Expires_WhenClockPassesItsExpiry()
    {
        var storage = new InMemoryGrainStorage(_clock);
        var grain = NewGrain();
        await storage.WriteAsync("s", grain, "1"u8.ToArray(), null, _clock.GetUtcNow() + TimeSpan.FromMinutes(5), cancellationToken: TestContext.Current.CancellationToken);

        _clock.Advance(TimeSpan.FromMinutes(4));
        Assert.NotNull(await storage.ReadAsync("s", grain, TestContext.Current.CancellationToken));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await storage.ReadAsync("s", grain, TestContext.Current.CancellationToken));
    }
}
