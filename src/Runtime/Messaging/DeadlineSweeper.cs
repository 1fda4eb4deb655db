using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TaskActors.Runtime.Configuration;
using TaskActors.Runtime.Lifecycle;

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
    ILogger<DeadlineSweeper> logger) : PeriodicBackgroundService(timeProvider, lifetime, logger)
{
    private readonly IDeadlineTracker[] _trackers = [.. trackers];

    protected override TimeSpan Period => options.Value.DeadlineCheckPeriod;

    protected override Task TickAsync(CancellationToken stoppingToken)
    {
        var now = TimeProvider.GetUtcNow();
        var expired = 0;
        foreach (var tracker in _trackers)
        {
            expired += tracker.ExpireOverdue(now);
        }

        if (expired > 0)
        {
            LogExpired(logger, expired);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Count} grain calls passed their deadline")]
    private static partial void LogExpired(ILogger logger, int count);
}
