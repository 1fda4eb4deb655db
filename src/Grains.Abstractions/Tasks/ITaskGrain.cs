using Orleans.Concurrency;

namespace TaskActors.Grains.Abstractions.Tasks;

/// <summary>
/// A background task (or a plain tool call) as a durable virtual actor, keyed by <see cref="TaskKey"/>. This is the
/// requestor's side; the tool run reports back through <see cref="ITaskRunGrain"/>.
/// </summary>
[Alias("task")]
public interface ITaskGrain : IGrainWithStringKey
{
    /// <summary>Stores the task (one write) and starts the tool run beside the grain; returns once the task is stored.</summary>
    [Alias("task.start")]
    Task<TaskStartResult> StartAsync(TaskStartRequest request, CancellationToken cancellationToken = default);

    /// <summary>Returns the task as the requestor may see it, or null when it does not exist for them; reads no storage.</summary>
    [Alias("task.get")]
    [AlwaysInterleave]
    Task<TaskView?> GetAsync(TaskRequester requester, CancellationToken cancellationToken = default);

    /// <summary>Long-polls for messages after a cursor and, once terminal, the outcome.</summary>
    [Alias("task.poll")]
    [AlwaysInterleave]
    Task<TaskPollResult> PollAsync(TaskPollRequest request, CancellationToken cancellationToken = default);

    /// <summary>Cancels the task: stored as cancelled before the answer, and the run's cancellation token fires.</summary>
    [Alias("task.cancel")]
    Task<TaskCancelResult> CancelAsync(TaskRequester requester, string? reason, CancellationToken cancellationToken = default);

    /// <summary>Delivers the client's answer to one of the task's input requests; false when there is no such pending request.</summary>
    [Alias("task.answer")]
    Task<bool> AnswerAsync(TaskRequester requester, TaskInputAnswer answer, CancellationToken cancellationToken = default);
}
