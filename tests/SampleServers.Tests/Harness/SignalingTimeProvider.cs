using System.Threading.Channels;
using TaskActors.TestKit;

namespace TaskActors.SampleServers.Tests.Harness;

/// <summary>
/// The manual clock, telling the test when code under test has created a timer, so the test advances time only once
/// the wait it means to end is armed.
/// </summary>
internal sealed class SignalingTimeProvider : TimeProvider
{
    private readonly ManualTimeProvider _clock = new();
    private readonly Channel<TimeSpan> _created = Channel.CreateUnbounded<TimeSpan>();

    public override TimeZoneInfo LocalTimeZone => _clock.LocalTimeZone;

    public override long TimestampFrequency => _clock.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => _clock.GetUtcNow();

    public override long GetTimestamp() => _clock.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = _clock.CreateTimer(callback, state, dueTime, period);
        _created.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Moves time forward, firing what falls due.</summary>
    public void Advance(TimeSpan delta) => _clock.Advance(delta);

    /// <summary>Waits until the next timer is created; returns its due time.</summary>
    public async Task<TimeSpan> NextTimerAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TestTimeouts.Default);
        return await _created.Reader.ReadAsync(timeout.Token);
    }
}
