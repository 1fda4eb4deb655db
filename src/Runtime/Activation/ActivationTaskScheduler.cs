using System.Collections.Concurrent;

namespace TaskActors.Runtime.Activation;

/// <summary>
/// Runs the tasks of one activation one at a time on the thread pool. Every <c>await</c> in grain code captures this
/// scheduler (there is no SynchronizationContext), so all continuations of an activation are serialized: this is what
/// makes a grain single-threaded, and why grain code must not use <c>ConfigureAwait(false)</c>.
/// </summary>
internal sealed class ActivationTaskScheduler : TaskScheduler, IThreadPoolWorkItem
{
    /// <summary>How many tasks run per thread-pool work item before yielding the thread to others.</summary>
    private const int TasksPerQuantum = 64;

    [ThreadStatic]
    private static ActivationTaskScheduler? t_running;

    private readonly ConcurrentQueue<Task> _queue = new();
    private int _scheduled;

    public override int MaximumConcurrencyLevel => 1;

    /// <summary>Whether the current thread is running this scheduler's tasks.</summary>
    public bool IsRunningOnCurrentThread => t_running == this;

    void IThreadPoolWorkItem.Execute()
    {
        t_running = this;
        try
        {
            for (var i = 0; i < TasksPerQuantum && _queue.TryDequeue(out var task); i++)
            {
                TryExecuteTask(task);
            }
        }
        finally
        {
            t_running = null;

            // A full fence, not a release store: QueueTask enqueues and then reads _scheduled, this clears _scheduled
            // and then reads the queue. x64 may order a plain store after a later load, so both reads could miss the
            // other's write and leave a task queued with no work item to run it (its call then hangs to its deadline).
            Interlocked.Exchange(ref _scheduled, 0);
            if (!_queue.IsEmpty)
            {
                Schedule();
            }
        }
    }

    protected override void QueueTask(Task task)
    {
        _queue.Enqueue(task);
        Schedule();
    }

    /// <summary>Inlines only on the thread already running this scheduler, which keeps execution one at a time.</summary>
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        !taskWasPreviouslyQueued && t_running == this && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    private void Schedule()
    {
        if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }
}
