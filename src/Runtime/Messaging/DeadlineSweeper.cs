using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TaskActors.Runtime.Configuration;

namespace TaskActors.Runtime.Messaging;

/// <summary>The periodic sweep that fails pending calls past their deadline.</summary>
internal sealed partial class DeadlineSweeper(
    PendingCallRegistry registry,
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
                var expired = registry.ExpireOverdue(timeProvider.GetUtcNow());
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Count} grain calls passed their deadline without a response")]
    private static partial void LogExpired(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The grain call deadline sweep failed; stopping the process")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
