namespace TaskActors.Grains.Abstractions.Tasks;

/// <summary>
/// The JSON-RPC error codes TaskActors defines itself, in the range JSON-RPC leaves to servers (-32000 to -32099).
/// Standard codes (-32600 invalid request, -32601 method not found, -32602 invalid params, -32603 internal error) keep
/// their meaning. docs/errors.md lists when each is returned.
/// </summary>
public static class TaskErrorCodes
{
    /// <summary>tasks/result of a cancelled task: the task was cancelled before it produced a result.</summary>
    public const int Cancelled = -32050;

    /// <summary>The requestor already has the most concurrent tasks it may have.</summary>
    public const int TooManyTasks = -32051;

    /// <summary>The requestor creates or queries tasks faster than it may.</summary>
    public const int RateLimited = -32052;

    /// <summary>The task's run was lost with its silo more often than the engine re-drives it.</summary>
    public const int WorkerLost = -32053;

    /// <summary>
    /// The requestor keeps as many tasks, or as many bytes of tasks (arguments and results), as it may until their ttl
    /// ends; a new task is admitted once older ones expire.
    /// </summary>
    public const int QuotaExceeded = -32054;
}
