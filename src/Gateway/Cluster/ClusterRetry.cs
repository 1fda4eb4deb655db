using Microsoft.AspNetCore.Http;

namespace TaskActors.Gateway.Cluster;

/// <summary>
/// Retries a grain call that is safe to repeat through a retryable failure: while membership declares a dead silo dead
/// (seconds), or a stopping silo hands its grains over, calls to its grains fail, and asked again the grain answers from
/// a live silo; while Redis is down, calls that read or write state fail, and succeed once it is back.
/// </summary>
/// <remarks>
/// All the retried calls of one HTTP request share one budget, <see cref="Window"/> from the request's arrival
/// (<see cref="StartBudget"/>): a request that cannot be served is answered within the window plus one grain call's
/// response timeout (10 s + 5 s for a gateway of its own), with a retryable error.
/// </remarks>
internal static class ClusterRetry
{
    /// <summary>
    /// How long a request keeps retrying: longer than a killed silo takes to be declared dead and its grains to be
    /// activated again (about 6 s), short enough to answer well within a client's request timeout (60 s for the TS SDK).
    /// </summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private static readonly object BudgetKey = new();
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(1);

    /// <summary>Starts the retry budget of the request <paramref name="http"/> (its arrival).</summary>
    public static void StartBudget(HttpContext http, TimeProvider timeProvider) => http.Items[BudgetKey] = timeProvider.GetTimestamp();

    /// <summary>
    /// Calls <paramref name="call"/> until it succeeds or fails with anything but a retryable failure, or the request's
    /// budget is spent; the last failure is thrown then. Only for calls that are safe to repeat: reads, and writes that
    /// the grain makes idempotent (a task's creation with its id, an answer to an input request, a cancellation).
    /// <paramref name="retried"/>, when given, is told of each failure that is retried.
    /// </summary>
    public static Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, HttpContext http, TimeProvider timeProvider, Action<Exception>? retried = null) =>
        RunAsync(call, Remaining(http, timeProvider), timeProvider, http.RequestAborted, retried);

    /// <summary>Like the other overload, within <paramref name="window"/> from now.</summary>
    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, TimeSpan window, TimeProvider timeProvider, CancellationToken cancellationToken, Action<Exception>? retried = null)
    {
        var deadline = timeProvider.GetUtcNow() + window;
        var delay = FirstDelay;
        while (true)
        {
            try
            {
                return await call(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ClusterFailures.IsRetryable(ex) && timeProvider.GetUtcNow() + delay < deadline && !cancellationToken.IsCancellationRequested)
            {
                retried?.Invoke(ex);
                await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
                delay = delay * 2 > LongestDelay ? LongestDelay : delay * 2;
            }
        }
    }

    /// <summary>What is left of the request's budget (the whole window when none was started).</summary>
    private static TimeSpan Remaining(HttpContext http, TimeProvider timeProvider) =>
        http.Items.TryGetValue(BudgetKey, out var started) && started is long at ? Window - timeProvider.GetElapsedTime(at) : Window;
}
