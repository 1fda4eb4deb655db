using System.Text.Json.Serialization;

namespace TaskActors.Grains.Abstractions.Tasks;

/// <summary>What a long-poll on a task found.</summary>
public sealed record TaskPollResult
{
    /// <summary>The result of a poll for a task that does not exist for the requestor.</summary>
    public static readonly TaskPollResult NotFound = new() { Found = false, NextSequence = 0 };

    /// <summary>False when the task does not exist for the requestor (unknown, other scope, expired).</summary>
    [JsonPropertyName("found")]
    public required bool Found { get; init; }

    /// <summary>The task now.</summary>
    [JsonPropertyName("view")]
    public TaskView? View { get; init; }

    /// <summary>Messages for the client, in order.</summary>
    [JsonPropertyName("messages")]
    public IReadOnlyList<TaskMessage> Messages { get; init; } = [];

    /// <summary>The cursor for the next poll.</summary>
    [JsonPropertyName("next")]
    public required long NextSequence { get; init; }

    /// <summary>The outcome, once the task is terminal.</summary>
    [JsonPropertyName("outcome")]
    public TaskOutcome? Outcome { get; init; }
}
