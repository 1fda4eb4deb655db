namespace TaskActors.Grains.Abstractions.Tasks;

/// <summary>JSON-RPC methods that grains themselves put in task and session messages.</summary>
public static class TaskMessageMethods
{
    /// <summary>Tells the client an input request it was sent is void (its task was cancelled).</summary>
    public const string Cancelled = "notifications/cancelled";
}
