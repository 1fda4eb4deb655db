using System.Text.Json.Serialization;

namespace TaskActors.Grains.Abstractions.Tasks;

/// <summary>The outcome of a cancellation request.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TaskCancelStatus>))]
public enum TaskCancelStatus
{
    /// <summary>The task is now cancelled (stored before the answer); its run was told to stop.</summary>
    Cancelled,

    /// <summary>The task was already completed, failed or cancelled; nothing changed.</summary>
    AlreadyTerminal,

    /// <summary>No such task for this requestor.</summary>
    NotFound,
}
