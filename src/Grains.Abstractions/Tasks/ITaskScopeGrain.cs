using Orleans.Concurrency;

namespace TaskActors.Grains.Abstractions.Tasks;

/// <summary>
/// One requestor's tasks (keyed by <see cref="TaskScopes.RequestorKey"/>): admission against the per-requestor limits
/// and tasks/list pagination. It holds no state of its own: counts are rebuilt from storage on activation.
/// </summary>
[Alias("task-scope")]
public interface ITaskScopeGrain : IGrainWithStringKey
{
    /// <summary>Admits a new task, or says which limit it would break.</summary>
    [Alias("task-scope.admit")]
    Task<TaskAdmission> AdmitAsync(string taskId, CancellationToken cancellationToken = default);

    /// <summary>Forgets a task that reached a terminal status or failed to start.</summary>
    [Alias("task-scope.release")]
    Task ReleaseAsync(string taskId, CancellationToken cancellationToken = default);

    /// <summary>Lists the requestor's tasks, newest first.</summary>
    /// <exception cref="ArgumentException">The cursor is not one this service issued.</exception>
    [Alias("task-scope.list")]
    [AlwaysInterleave]
    Task<TaskListPage> ListAsync(string? cursor, int pageSize, CancellationToken cancellationToken = default);
}
