namespace TaskActors.Grains.Abstractions.Tasks;

/// <summary>
/// The log category of the task audit trail (task created, finished, cancelled, retrieved, failed lookups, refusals).
/// Audit lines carry the task id and the authorization scope, never a token. Route this category to durable storage.
/// </summary>
public static class AuditLog
{
    /// <summary>The logger category name.</summary>
    public const string Category = "TaskActors.Audit";
}
