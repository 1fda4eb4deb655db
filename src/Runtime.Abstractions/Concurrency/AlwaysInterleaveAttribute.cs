namespace TaskActors.Runtime.Abstractions.Concurrency;

/// <summary>
/// Marks a grain interface method that may run while other requests of the same activation are awaiting,
/// for reads and long-poll waits. Unmarked methods run one request at a time per activation.
/// </summary>
/// <remarks>
/// Interleaving never means parallelism: every turn of an activation still runs on its own one-at-a-time scheduler,
/// so a marked method sees no torn state, but it may observe state between the awaits of another request.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class AlwaysInterleaveAttribute : Attribute;
