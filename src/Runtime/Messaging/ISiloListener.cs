using TaskActors.Runtime.Identity;

namespace TaskActors.Runtime.Messaging;

/// <summary>Makes a silo's receiver reachable by other processes (or other silos of this process).</summary>
internal interface ISiloListener
{
    Task StartAsync(SiloAddress address, IGrainCallReceiver receiver, CancellationToken cancellationToken);

    /// <summary>Stops taking calls; calls already handed over but unanswered fail at their callers.</summary>
    Task StopAsync(CancellationToken cancellationToken);
}
