using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TaskActors.Runtime.Configuration;
using TaskActors.Runtime.Lifecycle;

namespace TaskActors.Runtime.Messaging;

/// <summary>The periodic sweep that fails pending calls past their deadline.</summary>
internal sealed partial class DeadlineSweeper(
    PendingCallRegistry registry,
    IOptions<MessagingOptions> options,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<DeadlineSweeper> logger) : PeriodicBackgroundService(timeProvider, lifetime, logger)
{
    protected override TimeSpan Period => options.Value.DeadlineCheckPeriod;

    protected override Task TickAsync(CancellationToken stoppingToken)
    {
        var expired = registry.ExpireOverdue(TimeProvider.GetUtcNow());
        if (expired > 0)
        {
            LogExpired(logger, expired);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Count} grain calls passed their deadline without a response")]
    private static partial void LogExpired(ILogger logger, int count);
}
