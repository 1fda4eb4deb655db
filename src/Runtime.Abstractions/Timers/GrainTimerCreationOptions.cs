namespace TaskActors.Runtime.Abstractions.Timers;

/// <summary>How a grain timer ticks.</summary>
public readonly record struct GrainTimerCreationOptions
{
    /// <summary>Delay before the first tick.</summary>
    public required TimeSpan DueTime { get; init; }

    /// <summary>Delay between the end of one tick and the next; <see cref="Timeout.InfiniteTimeSpan"/> ticks once.</summary>
    public required TimeSpan Period { get; init; }

    /// <summary>Whether ticks may interleave with awaiting requests (default false: a tick is a turn like a request).</summary>
    public bool Interleave { get; init; }

    /// <summary>Whether a tick counts as activity that keeps the activation from idle collection (default false).</summary>
    public bool KeepAlive { get; init; }
}
