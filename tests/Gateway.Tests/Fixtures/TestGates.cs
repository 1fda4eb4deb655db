using System.Collections.Concurrent;
using TaskActors.Servers.Context;

namespace TaskActors.Gateway.Tests.Fixtures;

/// <summary>Rendezvous between tests and the gate tool: the test awaits entry, then opens the gate or cancels.</summary>
public static class TestGates
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource<McpTaskContext>> EnteredGates = new();
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> OpenGates = new();
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> CancelledGates = new();
    private static readonly ConcurrentDictionary<string, int> Entries = new();

    /// <summary>How many runs entered the gate (a re-driven task enters again).</summary>
    public static int EntryCount(string gate) => Entries.GetValueOrDefault(gate);

    public static Task<McpTaskContext> WhenEntered(string gate) => Get(EnteredGates, gate).Task;

    public static Task WhenCancelled(string gate) => Get(CancelledGates, gate).Task;

    public static void Open(string gate) => Get(OpenGates, gate).TrySetResult();

    internal static void Entered(string gate, McpTaskContext context)
    {
        Entries.AddOrUpdate(gate, 1, (_, count) => count + 1);
        Get(EnteredGates, gate).TrySetResult(context);
    }

    internal static void Cancelled(string gate) => Get(CancelledGates, gate).TrySetResult();

    internal static Task WaitAsync(string gate, CancellationToken cancellationToken) => Get(OpenGates, gate).Task.WaitAsync(cancellationToken);

    private static TaskCompletionSource<T> Get<T>(ConcurrentDictionary<string, TaskCompletionSource<T>> gates, string gate) =>
        gates.GetOrAdd(gate, _ => new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously));

    private static TaskCompletionSource Get(ConcurrentDictionary<string, TaskCompletionSource> gates, string gate) =>
        gates.GetOrAdd(gate, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
