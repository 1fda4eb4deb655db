using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TaskActors.Runtime.Abstractions.Core;
using TaskActors.Runtime.Configuration;
using TaskActors.Runtime.Lifecycle;

namespace TaskActors.Runtime.Activation;

/// <summary>Deactivates activations idle for longer than <c>GrainCollection:CollectionAge</c>, every <c>CollectionQuantum</c>.</summary>
internal sealed partial class ActivationCollector(
    ActivationCatalog catalog,
    IOptions<GrainCollectionOptions> options,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<ActivationCollector> logger) : PeriodicBackgroundService(timeProvider, lifetime, logger)
{
    private static readonly DeactivationReason IdleReason = new(DeactivationReasonCode.ActivationIdle, "The activation was idle longer than its collection age.");

    protected override TimeSpan Period => options.Value.CollectionQuantum;

    protected override Task TickAsync(CancellationToken stoppingToken)
    {
        var collected = CollectIdle();
        if (collected > 0)
        {
            LogCollected(logger, collected);
        }

        return Task.CompletedTask;
    }

    /// <summary>Starts deactivating every idle activation; returns how many.</summary>
    public int CollectIdle()
    {
        var cutoff = TimeProvider.GetUtcNow() - options.Value.CollectionAge;
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
}
