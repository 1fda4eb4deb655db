using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TaskActors.Runtime.Abstractions.Core;
using TaskActors.Runtime.Configuration;

namespace TaskActors.Runtime.Activation;

/// <summary>Deactivates activations idle for longer than <c>GrainCollection:CollectionAge</c>, every <c>CollectionQuantum</c>.</summary>
internal sealed partial class ActivationCollector(
    ActivationCatalog catalog,
    IOptions<GrainCollectionOptions> options,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<ActivationCollector> logger) : BackgroundService
{
    private static readonly DeactivationReason IdleReason = new(DeactivationReasonCode.ActivationIdle, "The activation was idle longer than its collection age.");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(options.Value.CollectionQuantum, timeProvider);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var collected = CollectIdle();
                if (collected > 0)
                {
                    LogCollected(logger, collected);
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

    /// <summary>Starts deactivating every idle activation; returns how many.</summary>
    public int CollectIdle()
    {
        var cutoff = timeProvider.GetUtcNow() - options.Value.CollectionAge;
        var collected = 0;
        foreach (var activation in catalog.Activations)
        {
            if (activation.IsIdleSince(cutoff))
            {
                activation.Deactivate(IdleReason);
                collected++;
            }
        }

        return collected;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Collecting {Count} idle activations")]
    private static partial void LogCollected(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The activation collector failed; stopping the process")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
