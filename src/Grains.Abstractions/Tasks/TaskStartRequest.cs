using System.Text.Json.Serialization;

namespace TaskActors.Grains.Abstractions.Tasks;

/// <summary>Starts a tool run in a task grain.</summary>
public sealed record TaskStartRequest
{
    /// <summary>The context snapshot; becomes task state.</summary>
    [JsonPropertyName("context")]
    public required TaskContextSnapshot Context { get; init; }

    /// <summary>
    /// True for a task (stored, listed, retrievable until its ttl); false for a plain tools/call, which runs through the
    /// same engine but is never written to storage and disappears once its result is delivered.
    /// </summary>
    [JsonPropertyName("durable")]
    public required bool Durable { get; init; }

    /// <summary>The retention from creation (already clamped by the gateway); null for unlimited.</summary>
    [JsonPropertyName("ttl")]
    public TimeSpan? Ttl { get; init; }

    /// <summary>The suggested polling interval.</summary>
    [JsonPropertyName("pollInterval")]
    public required TimeSpan PollInterval { get; init; }

    /// <summary>The listing partition (see <see cref="TaskScopes.RequestorKey"/>); tasks/list of that requestor shows the task.</summary>
    [JsonPropertyName("listPartition")]
    public required string ListPartition { get; init; }
}
