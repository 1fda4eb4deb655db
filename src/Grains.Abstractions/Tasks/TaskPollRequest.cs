using System.Text.Json.Serialization;

namespace TaskActors.Grains.Abstractions.Tasks;

/// <summary>A long-poll for a task's messages and outcome, by a stream that relays them to the client.</summary>
public sealed record TaskPollRequest
{
    /// <summary>Who polls.</summary>
    [JsonPropertyName("requester")]
    public required TaskRequester Requester { get; init; }

    /// <summary>Messages with a sequence above this one are returned.</summary>
    [JsonPropertyName("after")]
    public required long AfterSequence { get; init; }

    /// <summary>How long to wait for something new before returning empty-handed.</summary>
    [JsonPropertyName("maxWait")]
    public required TimeSpan MaxWait { get; init; }

    /// <summary>
    /// Whether this stream takes the task's pending input requests (tasks/result and plain calls do). Each request is
    /// delivered on one stream at a time; while a stream polls, messages are routed to it instead of the session.
    /// </summary>
    [JsonPropertyName("takeInputs")]
    public bool TakeInputs { get; init; }
}
