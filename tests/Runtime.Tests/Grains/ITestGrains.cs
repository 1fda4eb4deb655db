using TaskActors.Runtime.Abstractions.Concurrency;
using TaskActors.Runtime.Abstractions.Core;
using TaskActors.Runtime.Abstractions.Identity;

namespace TaskActors.Runtime.Tests.Grains;

/// <summary>A grain with persistent state and hooks the tests observe.</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds to the counter and writes the state.</summary>
    Task<int> AddAsync(int amount, CancellationToken cancellationToken = default);

    /// <summary>Returns the counter without writing.</summary>
    [AlwaysInterleave]
    Task<int> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Returns the activation's identity, to tell activations apart.</summary>
    [Alias("counter.activation")]
    Task<string> GetActivationAsync(CancellationToken cancellationToken = default);

    /// <summary>Asks to be deactivated after this call.</summary>
    Task DeactivateAsync(CancellationToken cancellationToken = default);

    /// <summary>Registers a durable reminder that adds one per tick (a reminder named "once" unregisters itself).</summary>
    Task StartReminderAsync(string name, TimeSpan dueTime, TimeSpan period, CancellationToken cancellationToken = default);

    /// <summary>Starts a timer that adds one per tick, in memory only, and signals each tick.</summary>
    Task StartTimerAsync(TimeSpan period, CancellationToken cancellationToken = default);
}

/// <summary>A grain whose methods let tests control when turns start and end.</summary>
public interface IGateGrain : IGrainWithStringKey
{
    /// <summary>Signals entry, then waits for the test to open the gate (a non-interleaving request), marking the grain as held meanwhile.</summary>
    Task<string> HoldAsync(string gate, CancellationToken cancellationToken = default);

    /// <summary>Returns at once (a non-interleaving request): "ping", or "ping during hold" if it ran while HoldAsync held the grain.</summary>
    Task<string> PingAsync(CancellationToken cancellationToken = default);

    /// <summary>Returns at once even while HoldAsync is waiting (interleaving): "peek", or "peek during hold" if it ran while HoldAsync held the grain.</summary>
    [AlwaysInterleave]
    Task<string> PeekAsync(CancellationToken cancellationToken = default);

    /// <summary>Runs many short synchronous segments, recording how many threads were inside grain code at once.</summary>
    [AlwaysInterleave]
    Task<int> BusyAsync(int segments, CancellationToken cancellationToken = default);

    /// <summary>Waits on the cancellation token and reports whether it fired.</summary>
    Task<bool> WaitForCancellationAsync(string signal, CancellationToken cancellationToken = default);

    /// <summary>Throws an exception of the named kind.</summary>
    Task FailAsync(string kind, CancellationToken cancellationToken = default);

    /// <summary>Echoes a list after changing its copy.</summary>
    Task<List<string>> MutateAsync(List<string> items, CancellationToken cancellationToken = default);

    /// <summary>Calls another gate grain's HoldAsync-free path through PingOther, forming call chains.</summary>
    Task<string> CallAsync(string otherKey, CancellationToken cancellationToken = default);

    /// <summary>Calls back into the grain that called it, which completes a cycle if that grain is waiting on us.</summary>
    Task<string> CallBackAsync(string callerKey, CancellationToken cancellationToken = default);
}
