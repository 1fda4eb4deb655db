using System.Text.Json.Serialization;
using TaskActors.Runtime.Abstractions.Identity;

namespace TaskActors.Runtime.Reminders;

/// <summary>One durable reminder: which grain, which name, when it starts and how often it ticks.</summary>
public sealed record ReminderEntry
{
    /// <summary>The grain the reminder ticks.</summary>
    [JsonPropertyName("grain")]
    public required GrainId GrainId { get; init; }

    /// <summary>The reminder's name, unique per grain.</summary>
    [JsonPropertyName("name")]
    public required string ReminderName { get; init; }

    /// <summary>When the first tick is due.</summary>
    [JsonPropertyName("startAt")]
    public required DateTimeOffset StartAt { get; init; }

    /// <summary>The period between ticks.</summary>
    [JsonPropertyName("period")]
    public required TimeSpan Period { get; init; }

    /// <summary>The row's ETag, filled in by the table on reads.</summary>
    [JsonPropertyName("etag")]
    public string? ETag { get; init; }
}
