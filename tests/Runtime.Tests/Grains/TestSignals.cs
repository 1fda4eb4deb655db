using System.Collections.Concurrent;

namespace TaskActors.Runtime.Tests.Grains;

/// <summary>
/// Rendezvous points between tests and grains: a grain completes a signal the test armed before acting, or waits on
/// a gate the test opens. Keys are unique per test, so parallel tests never share one.
/// </summary>
public static class TestSignals
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource<string>> Signals = new();

    public static TaskCompletionSource<string> Get(string key) =>
        Signals.GetOrAdd(key, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));

    public static void Set(string key, string value = "") => Get(key).TrySetResult(value);

    public static Task<string> WhenSet(string key) => Get(key).Task;
}
