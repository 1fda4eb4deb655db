namespace TaskActors.Runtime.Abstractions.Timers;

/// <summary>A timer owned by an activation; disposing it stops further ticks.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Reschedules the timer.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
