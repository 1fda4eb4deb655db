using Microsoft.Extensions.Logging;

namespace TaskActors.Gateway.Tasks;

/// <summary>The gateway's lines of the task audit trail (category <see cref="Grains.Abstractions.Tasks.AuditLog.Category"/>).</summary>
internal static partial class TaskAudit
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: result of task {TaskId} retrieved by scope {Scope} ({Status})")]
    public static partial void Retrieved(ILogger logger, string taskId, string scope, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit: {Method} for unknown task {TaskId} by scope {Scope}")]
    public static partial void LookupFailed(ILogger logger, string method, string taskId, string scope);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit: task creation refused for scope {Scope}: {Reason}")]
    public static partial void CreationRefused(ILogger logger, string scope, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit: task operations of requestor {Requestor} rate-limited ({Method})")]
    public static partial void RateLimited(ILogger logger, string requestor, string method);
}
