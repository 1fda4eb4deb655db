using Orleans.Concurrency;

namespace TaskActors.Grains.Abstractions.Tasks;

/// <summary>
/// How a tool run, which runs beside its task grain rather than in a turn, reports back. Every call names the run's
/// attempt, so a stale run (one a re-drive replaced) changes nothing.
/// </summary>
[Alias("task.run")]
public interface ITaskRunGrain : IGrainWithStringKey
{
    /// <summary>Relays a notification to the client (dropped when no stream is open).</summary>
    [Alias("task.run.notify")]
    [AlwaysInterleave]
    Task NotifyAsync(int attempt, TaskNotification notification, CancellationToken cancellationToken = default);

    /// <summary>Records an input request (the task moves to input_required) and returns its JSON-RPC id.</summary>
    [Alias("task.run.request-input")]
    Task<string> RequestInputAsync(int attempt, TaskInputRequest request, CancellationToken cancellationToken = default);

    /// <summary>Long-polls for the answer to an input request; null when none came within <paramref name="maxWait"/>.</summary>
    [Alias("task.run.await-answer")]
    [AlwaysInterleave]
    Task<TaskInputAnswer?> AwaitAnswerAsync(int attempt, string requestId, TimeSpan maxWait, CancellationToken cancellationToken = default);

    /// <summary>Records how the run ended; ignored when the task is already terminal (a cancelled task stays cancelled).</summary>
    [Alias("task.run.complete")]
    Task<bool> CompleteAsync(int attempt, TaskOutcome outcome, CancellationToken cancellationToken = default);
}
