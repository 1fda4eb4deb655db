using TaskActors.Storage.Records;
using TaskActors.TestKit;
using TaskActors.TestKit.Conformance;

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
}
