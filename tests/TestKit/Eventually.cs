namespace TaskActors.TestKit;

/// <summary>
/// Waits for a condition the system converges to and that no event announces (such as a count in another silo),
/// re-checking it every 20 ms and failing with a message that names what was awaited.
/// </summary>
public static class Eventually
{
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string description, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var limit = timeout ?? TestTimeouts.Default;
        var started = TimeProvider.System.GetTimestamp();
        while (!await condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > limit)
            {
                throw new TimeoutException($"Timed out after {limit} waiting until {description}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }

    public static Task WaitUntilAsync(Func<bool> condition, string description, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        WaitUntilAsync(() => Task.FromResult(condition()), description, timeout, cancellationToken);
}
