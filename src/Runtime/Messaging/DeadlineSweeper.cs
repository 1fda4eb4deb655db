using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TaskActors.Runtime.Configuration;

namespace TaskActors.Runtime.Messaging;

/// <summary>
/// The periodic sweep that enforces call deadlines: it fails the calls this process waits on past their deadline and,
/// in a silo, trips the tokens of the calls it runs whose callers' deadlines have passed.
/// </summary>
internal sealed partial class DeadlineSweeper(
    IEnumerable<IDeadlineTracker> trackers,
    IOptions<MessagingOptions> options,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<DeadlineSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(options.Value.DeadlineCheckPeriod, timeProvider);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = timeProvider.GetUtcNow();
                var expired = trackers.Sum(tracker => tracker.ExpireOverdue(now));
                if (expired > 0)
                {
                    LogExpired(logger, expired);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogLoopFailed(logger, ex);
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Count} grain calls passed their deadline")]
    private static partial void LogExpired(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The grain call deadline sweep failed; stopping the process")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
