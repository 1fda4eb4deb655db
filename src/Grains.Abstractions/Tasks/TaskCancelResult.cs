using System.Text.Json.Serialization;

namespace TaskActors.Grains.Abstractions.Tasks;

/// <summary>The answer to <see cref="ITaskGrain.CancelAsync"/>.</summary>
/// <param name="Status">What happened.</param>
/// <param name="View">The task afterwards, unless it was not found.</param>
public sealed record TaskCancelResult(
    [property: JsonPropertyName("status")] TaskCancelStatus Status,
    [property: JsonPropertyName("view")] TaskView? View);
