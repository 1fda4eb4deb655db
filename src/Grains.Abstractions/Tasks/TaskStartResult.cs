using System.Text.Json.Serialization;

namespace TaskActors.Grains.Abstractions.Tasks;

/// <summary>The answer to <see cref="ITaskGrain.StartAsync"/>.</summary>
public sealed record TaskStartResult
{
    /// <summary>The task after it was stored (status working).</summary>
    [JsonPropertyName("view")]
    public required TaskView View { get; init; }

    /// <summary>False when a task with this key already existed; it was left as it was.</summary>
    [JsonPropertyName("created")]
    public required bool Created { get; init; }
}
