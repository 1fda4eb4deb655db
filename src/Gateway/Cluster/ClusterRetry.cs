namespace TaskActors.Gateway.Cluster;

/// <summary>
/// Retries a read-only grain call through a cluster failure: while membership declares a dead silo dead (seconds), calls
/// to grains it held fail; asked again after that, the grain answers from a survivor.
/// </summary>
internal static class ClusterRetry
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Calls <paramref name="call"/> until it succeeds or fails with a grain's own error, or <paramref name="window"/>
    /// has passed; the last cluster failure is thrown then. Only for calls that change nothing.
    /// </summary>
    public static async Task<T> ReadAsync<T>(Func<CancellationToken, Task<T>> call, TimeSpan window, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var deadline = timeProvider.GetUtcNow() + window;
        var delay = FirstDelay;
        while (true)
        {
            try
            {
                return await call(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ClusterFailures.IsClusterFailure(ex) && timeProvider.GetUtcNow() + delay < deadline && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
                delay = delay * 2 > LongestDelay ? LongestDelay : delay * 2;
            }
        }
    }
}
