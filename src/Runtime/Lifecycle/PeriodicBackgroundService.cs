using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TaskActors.Runtime.Lifecycle;

/// <summary>
/// A background loop that ticks every <see cref="Period"/> on the injected clock. Its timer is armed in
/// <see cref="StartAsync"/>, not in <see cref="BackgroundService.ExecuteAsync"/> (which .NET runs later on the thread
/// pool), so once the host has started every loop's first tick is scheduled. A tick that throws is logged and the loop
/// goes on; if the loop itself dies the process stops, as a silo without its loops must not keep serving.
/// </summary>
internal abstract partial class PeriodicBackgroundService(TimeProvider timeProvider, IHostApplicationLifetime lifetime, ILogger logger) : BackgroundService
{
    private PeriodicTimer? _timer;

    /// <summary>The clock the loop ticks on.</summary>
    protected TimeProvider TimeProvider { get; } = timeProvider;

    /// <summary>The host's lifetime, to stop the process when something fatal is found.</summary>
    protected IHostApplicationLifetime Lifetime { get; } = lifetime;

    /// <summary>The time between ticks.</summary>
    protected abstract TimeSpan Period { get; }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = new PeriodicTimer(Period, TimeProvider);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs before the first tick (for example an initial refresh); by default nothing.</summary>
    protected virtual Task OnStartedAsync(CancellationToken stoppingToken) => Task.CompletedTask;

    /// <summary>One tick of the loop.</summary>
    protected abstract Task TickAsync(CancellationToken stoppingToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await OnStartedAsync(stoppingToken);
            while (await _timer!.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await TickAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogTickFailed(logger, GetType().Name, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogLoopFailed(logger, GetType().Name, ex);
            Lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A tick of {Service} failed")]
    private static partial void LogTickFailed(ILogger logger, string service, Exception exception);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The loop of {Service} failed; stopping the process")]
    private static partial void LogLoopFailed(ILogger logger, string service, Exception exception);
}
