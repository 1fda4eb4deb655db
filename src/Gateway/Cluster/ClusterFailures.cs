namespace TaskActors.Gateway.Cluster;

/// <summary>
/// Tells the cluster's failures to reach a grain, and its store's failures to answer, apart from the grain's own
/// exceptions: the first two are worth asking again, the last is the grain's answer.
/// </summary>
internal static class ClusterFailures
{
    /// <summary>
    /// The <see cref="Exception.Data"/> key with which the task store marks a failure of Redis to answer at all (no
    /// connection, a timeout, a server still loading its data): <c>RedisStateRecordStore.UnavailableDataKey</c>, spelled
    /// out here because gateways do not reference the storage project. Orleans carries an exception's data to the caller.
    /// </summary>
    public const string StoreUnavailableKey = "taskactors.store.unavailable";

    /// <summary>
    /// Whether the runtime failed to deliver the call or its answer (a timeout, a rejected message, a silo that left or
    /// a gateway connection that broke, a message that expired before the grain could be placed): the grain may answer
    /// from a live silo when asked again. Exceptions a grain throws itself arrive as their own types and are not cluster
    /// failures; nor is a cancellation by a token (the client went away).
    /// </summary>
    public static bool IsClusterFailure(Exception exception) =>
        exception is TimeoutException or OrleansMessageRejectionException or SiloUnavailableException or Orleans.Runtime.Messaging.ConnectionFailedException or ClientNotAvailableException or GatewayTooBusyException
            or OperationCanceledException { CancellationToken.CanBeCanceled: false };

    /// <summary>
    /// Whether the grain failed because the task store (Redis) could not be reached or did not answer in time, while
    /// reading (activating the grain) or writing its state: the call changed nothing durable, and may succeed once the
    /// store is back.
    /// </summary>
    public static bool IsStoreUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current.Data.Contains(StoreUnavailableKey))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether asking again may succeed: a cluster failure or an unavailable store.</summary>
    public static bool IsRetryable(Exception exception) => IsClusterFailure(exception) || IsStoreUnavailable(exception);
}
