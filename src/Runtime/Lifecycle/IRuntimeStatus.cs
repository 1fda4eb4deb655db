namespace TaskActors.Runtime.Lifecycle;

/// <summary>
/// Whether this process's runtime can serve grain calls: a silo from the moment it is active in membership until it
/// starts shutting down, a client once it has read membership. Readiness probes report it.
/// </summary>
public interface IRuntimeStatus
{
    /// <summary>Whether the runtime serves calls now.</summary>
    bool IsReady { get; }

    /// <summary>What the runtime is doing, for the probe's answer (for example <c>silo vm is active</c>).</summary>
    string Description { get; }
}
