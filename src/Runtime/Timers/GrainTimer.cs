using Microsoft.Extensions.Logging;
using TaskActors.Runtime.Abstractions.Identity;
using TaskActors.Runtime.Abstractions.Timers;
using TaskActors.Runtime.Activation;

namespace TaskActors.Runtime.Timers;

/// <summary>
/// A timer owned by one activation. Each tick is queued as a turn of the activation; the next tick is scheduled only
/// after the previous one finished, so ticks never overlap. Not durable: it dies with the activation (use reminders).
/// </summary>
internal sealed partial class GrainTimer(
    GrainActivation activation,
    Func<CancellationToken, Task> callback,
    GrainTimerCreationOptions options,
    ILogger<GrainTimer> logger) : IGrainTimer
{
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _disposed = new();
    private ITimer? _timer;
    private TimeSpan _period = options.Period;

    public bool Interleave => options.Interleave;

    public bool KeepAlive => options.KeepAlive;

    public void Start()
    {
        lock (_lock)
        {
            _timer = activation.TimeProvider.CreateTimer(static state => ((GrainTimer)state!).OnDue(), this, options.DueTime, Timeout.InfiniteTimeSpan);
        }
    }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
            _period = period;
            _timer?.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed.IsCancellationRequested)
            {
                return;
            }

            _disposed.Cancel();
            _timer?.Dispose();
        }

        activation.RemoveTimer(this);
    }

    /// <summary>Runs one tick as a turn of the activation.</summary>
    public async Task TickAsync()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        try
        {
            await callback(_disposed.Token);
        }
        catch (Exception ex) when (!_disposed.IsCancellationRequested)
        {
            LogTickFailed(logger, activation.GrainId, ex);
        }
        catch (OperationCanceledException)
        {
            // Disposed while the tick ran.
        }
    }

    /// <summary>Schedules the next tick one period after this one finished.</summary>
    public void OnTickFinished()
    {
        lock (_lock)
        {
            if (!_disposed.IsCancellationRequested && _period != Timeout.InfiniteTimeSpan)
            {
                _timer?.Change(_period, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void OnDue()
    {
        if (!_disposed.IsCancellationRequested && !activation.TryEnqueue(new TimerTick(this)))
        {
            // The activation is going away; its timers go with it.
            Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A timer tick of grain {GrainId} failed")]
    private static partial void LogTickFailed(ILogger logger, GrainId grainId, Exception exception);
}
