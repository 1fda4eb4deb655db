using Orleans.Concurrency;

namespace TaskActors.Grains.Abstractions.Tasks;

/// <summary>
/// One requestor's tasks (keyed by <see cref="TaskScopes.RequestorKey"/>): admission against the per-requestor limits
/// (tasks running at once, creations per second, tasks kept and bytes kept until their ttl ends) and tasks/list
/// pagination. It holds no state of its own: counts are rebuilt from storage on activation.
/// </summary>
[Alias("task-scope")]
public interface ITaskScopeGrain : IGrainWithStringKey
{
    /// <summary>Admits a new task, or says which limit it would break.</summary>
    [Alias("task-scope.admit-kept")]
    Task<TaskAdmission> AdmitAsync(TaskAdmissionRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that a task reached a terminal status: it no longer runs, and is kept until its ttl ends with
    /// <paramref name="storedBytes"/> (its arguments and its result).
    /// </summary>
    [Alias("task-scope.finish")]
    Task FinishAsync(string taskId, long storedBytes, CancellationToken cancellationToken = default);

    /// <summary>Forgets a task that failed to start, or whose ttl ended (it is neither running nor kept).</summary>
    [Alias("task-scope.release")]
    Task ReleaseAsync(string taskId, CancellationToken cancellationToken = default);

    /// <summary>Lists the requestor's tasks, newest first.</summary>
    /// <exception cref="ArgumentException">The cursor is not one this service issued.</exception>
    [Alias("task-scope.list")]
    [AlwaysInterleave]
    Task<TaskListPage> ListAsync(string? cursor, int pageSize, CancellationToken cancellationToken = default);
}
