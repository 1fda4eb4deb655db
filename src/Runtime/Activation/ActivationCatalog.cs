using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using TaskActors.Runtime.Abstractions.Core;
using TaskActors.Runtime.Abstractions.Identity;
using TaskActors.Runtime.Metadata;

namespace TaskActors.Runtime.Activation;

/// <summary>The activations of this silo, at most one per grain id.</summary>
internal sealed partial class ActivationCatalog(ActivationServices services, ILogger<ActivationCatalog> logger)
{
    private readonly ConcurrentDictionary<GrainId, GrainActivation> _activations = new();
    private volatile bool _accepting = true;

    public int Count => _activations.Count;

    public bool IsAccepting => _accepting;

    public IEnumerable<GrainActivation> Activations => _activations.Values;

    public bool TryGet(GrainId grainId, out GrainActivation activation) => _activations.TryGetValue(grainId, out activation!);

    /// <summary>Returns the grain's activation here, creating it when needed; null when the silo no longer accepts new activations.</summary>
    public GrainActivation? GetOrCreate(GrainId grainId, GrainClassMetadata metadata)
    {
        while (true)
        {
            if (_activations.TryGetValue(grainId, out var existing))
            {
                return existing;
            }

            if (!_accepting)
            {
                return null;
            }

            var created = new GrainActivation(grainId, metadata, this, services);
            if (_activations.TryAdd(grainId, created))
            {
                services.Metrics.ActivationCreated(grainId.Type);
                created.Start();
                return created;
            }
        }
    }

    public void Remove(GrainActivation activation, DeactivationReasonCode reason)
    {
        if (_activations.TryRemove(new KeyValuePair<GrainId, GrainActivation>(activation.GrainId, activation)))
        {
            services.Metrics.ActivationRemoved(activation.GrainId.Type, reason);
        }
    }

    /// <summary>Stops creating activations; calls for grains not active here are rejected so callers place them elsewhere.</summary>
    public void StopAccepting() => _accepting = false;

    /// <summary>
    /// Drops every activation without deactivating it, as a crashed process would: nothing is written, nothing is
    /// unregistered; timers stop and waiting work is discarded (its callers already failed with the connection).
    /// </summary>
    public void Abandon()
    {
        _accepting = false;
        foreach (var activation in _activations.Values)
        {
            activation.Abandon();
        }

        _activations.Clear();
    }

    /// <summary>Deactivates every activation and waits for them (bounded by <paramref name="timeout"/>).</summary>
    public async Task DeactivateAllAsync(DeactivationReason reason, TimeSpan timeout)
    {
        var pending = new List<Task>();
        foreach (var activation in _activations.Values)
        {
            activation.Deactivate(reason);
            pending.Add(activation.Deactivated);
        }

        try
        {
            await Task.WhenAll(pending).WaitAsync(timeout, services.TimeProvider).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LogDeactivateAllTimedOut(logger, _activations.Count, timeout);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} activations were still deactivating after {Timeout}")]
    private static partial void LogDeactivateAllTimedOut(ILogger logger, int count, TimeSpan timeout);
}
