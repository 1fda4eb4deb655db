using System.Text.Json.Serialization;

namespace TaskActors.Grains.Abstractions.Tasks;

/// <summary>Whether a message to the client is a notification or a request that needs an answer.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TaskMessageKind>))]
public enum TaskMessageKind
{
    /// <summary>A notification (progress, log, status); may be dropped when no stream is open.</summary>
    Notification,

    /// <summary>A request (elicitation, sampling); kept in task state until answered.</summary>
    Request,

    /// <summary>The task's status changed; the gateway renders it in the session's wire format (or not at all).</summary>
    Status,
}
