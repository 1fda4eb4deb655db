using TaskActors.Storage.Records;
using TaskActors.TestKit;
using TaskActors.TestKit.Conformance;
using Xunit;

namespace TaskActors.Storage.Tests.Records;

/// <summary>The in-memory store against the conformance suite, on the manual clock.</summary>
public sealed class MemoryStateRecordStoreTests : StateRecordStoreConformanceTests
{
    private readonly ManualTimeProvider _time = new();

    protected override DateTimeOffset Now => _time.GetUtcNow();

    protected override Task<IStateRecordStore> CreateStoreAsync() => Task.FromResult<IStateRecordStore>(new MemoryStateRecordStore(_time));

    protected override Task AdvancePastAsync(DateTimeOffset expiresAt)
    {
        var now = _time.GetUtcNow();
        if (expiresAt >= now)
        {
            _time.Advance(expiresAt - now + TimeSpan.FromMilliseconds(1));
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task ExpiredRecords_LeaveMemoryWhenTheyExpire_WithoutAnotherOperation()
    {
        using var store = new MemoryStateRecordStore(_time);
        var start = _time.GetUtcNow();
        var partition = "scope-" + Guid.NewGuid().ToString("N");
        for (var i = 0; i < 3; i++)
        {
            var policy = new StateRecordPolicy(start + TimeSpan.FromSeconds(i + 1), new StateIndexEntry(partition, $"{i:D19}.t{i}"));
            await store.WriteAsync(StateName, GrainId.Create("task", $"t{i}"), new byte[1024], null, policy, Cancellation);
        }

        await store.WriteAsync(StateName, GrainId.Create("task", "kept"), new byte[16], null, default, Cancellation);

        _time.Advance(TimeSpan.FromSeconds(1.5));
        var afterFirst = store.Count;
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(3, afterFirst);
        Assert.Equal(1, store.Count);
        Assert.Empty(await store.QueryIndexAsync(StateName, partition, null, 10, Cancellation));
    }

    [Fact]
    public async Task Disposing_StopsTheSweep_AndKeepsReadsCorrect()
    {
        var store = new MemoryStateRecordStore(_time);
        var grain = GrainId.Create("task", "t");
        await store.WriteAsync(StateName, grain, new byte[8], null, new StateRecordPolicy(_time.GetUtcNow() + TimeSpan.FromSeconds(1), null), Cancellation);

        store.Dispose();
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(1, store.Count);
        Assert.Null(await store.ReadAsync(StateName, grain, Cancellation));
    }
}
