using System.Text.Json.Serialization;

namespace TaskActors.Grains.Abstractions.Tasks;

/// <summary>The state of a task as requestors see it; the gateway maps it to each wire format.</summary>
public sealed record TaskView
{
    /// <summary>The task id.</summary>
    [JsonPropertyName("taskId")]
    public required string TaskId { get; init; }

    /// <summary>The current status.</summary>
    [JsonPropertyName("status")]
    public required ToolTaskStatus Status { get; init; }

    /// <summary>A human-readable note on the status (for failures, what went wrong).</summary>
    [JsonPropertyName("statusMessage")]
    public string? StatusMessage { get; init; }

    /// <summary>When the task was created.</summary>
    [JsonPropertyName("createdAt")]
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the status last changed.</summary>
    [JsonPropertyName("lastUpdatedAt")]
    public required DateTimeOffset LastUpdatedAt { get; init; }

    /// <summary>The actual retention from creation; null for unlimited.</summary>
    [JsonPropertyName("ttl")]
    public TimeSpan? Ttl { get; init; }

    /// <summary>The suggested polling interval.</summary>
    [JsonPropertyName("pollInterval")]
    public TimeSpan? PollInterval { get; init; }
}
