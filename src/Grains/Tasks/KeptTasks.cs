namespace TaskActors.Grains.Tasks;

/// <summary>
/// The tasks one requestor keeps until their ttl ends, with the bytes each holds: what the scope's kept-task and
/// stored-byte quotas count. A task leaves it when its ttl ends (<see cref="Prune"/>), or when it is forgotten.
/// </summary>
internal sealed class KeptTasks
{
    private readonly Dictionary<string, (long Bytes, DateTimeOffset ExpiresAt)> _tasks = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, DateTimeOffset> _expiries = new();

    /// <summary>How many tasks are kept.</summary>
    public int Count => _tasks.Count;

    /// <summary>The bytes the kept tasks hold together.</summary>
    public long Bytes { get; private set; }

    /// <summary>Whether the task is kept.</summary>
    public bool Contains(string taskId) => _tasks.ContainsKey(taskId);

    /// <summary>Keeps a task until <paramref name="expiresAt"/> with <paramref name="bytes"/> (again: replaces its entry).</summary>
    public void Keep(string taskId, long bytes, DateTimeOffset expiresAt)
    {
        Forget(taskId);
        _tasks[taskId] = (bytes, expiresAt);
        Bytes += bytes;
        _expiries.Enqueue(taskId, expiresAt);
    }

    /// <summary>Sets what a kept task holds now (a finished task adds its result); unknown tasks are ignored.</summary>
    public void Resize(string taskId, long bytes)
    {
        if (_tasks.TryGetValue(taskId, out var entry))
        {
            Bytes += bytes - entry.Bytes;
            _tasks[taskId] = (bytes, entry.ExpiresAt);
        }
    }

    /// <summary>Stops counting a task.</summary>
    public void Forget(string taskId)
    {
        if (_tasks.Remove(taskId, out var entry))
        {
            Bytes -= entry.Bytes;
        }
    }

    /// <summary>Drops the tasks whose ttl has ended by <paramref name="now"/>, telling <paramref name="expired"/> of each.</summary>
    public void Prune(DateTimeOffset now, Action<string> expired)
    {
        while (_expiries.TryPeek(out var taskId, out var at) && at <= now)
        {
            _expiries.Dequeue();

            // A queue entry outlives a task forgotten or kept again with another expiry; only the current one counts.
            if (_tasks.TryGetValue(taskId, out var entry) && entry.ExpiresAt <= now)
            {
                Forget(taskId);
                expired(taskId);
            }
        }
    }
}
