namespace TaskActors.Gateway.Cluster;

/// <summary>Tells the cluster's failures to reach a grain apart from the grain's own exceptions.</summary>
internal static class ClusterFailures
{
    /// <summary>
    /// Whether the runtime failed to deliver the call or its answer (a timeout, a rejected message, a silo that left or
    /// a gateway connection that broke): the grain may answer from a live silo when asked again. Exceptions a grain
    /// throws itself arrive as their own types and are not cluster failures.
    /// </summary>
    public static bool IsClusterFailure(Exception exception) =>
        exception is TimeoutException or OrleansMessageRejectionException or SiloUnavailableException or Orleans.Runtime.Messaging.ConnectionFailedException or ClientNotAvailableException or GatewayTooBusyException;
}
