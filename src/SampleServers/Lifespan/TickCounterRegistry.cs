using System.Collections.Concurrent;

namespace TaskActors.SampleServers.Lifespan;

/// <summary>
/// The latest count of each <c>tick_counter</c> task, kept after the task ends (completed or cancelled) so clients can
/// read how far it got with <c>tick_count</c>. It lives in the lifespan state, so it is per silo.
/// </summary>
internal sealed class TickCounterRegistry
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>How many tasks have a count.</summary>
    public int Count => _counts.Count;

    /// <summary>Records the count task <paramref name="taskId"/> has reached.</summary>
    public void Record(string taskId, int count) => _counts[taskId] = count;

    /// <summary>The count task <paramref name="taskId"/> reached, if it ran on this silo.</summary>
    public bool TryGetCount(string taskId, out int count) => _counts.TryGetValue(taskId, out count);
}
