using System.Text.Json.Serialization;

namespace TaskActors.Grains.Abstractions.Tasks;

/// <summary>One page of a requestor's tasks, newest first.</summary>
/// <param name="Tasks">The tasks.</param>
/// <param name="NextCursor">The opaque cursor of the next page, if there is one.</param>
public sealed record TaskListPage(
    [property: JsonPropertyName("tasks")] IReadOnlyList<TaskView> Tasks,
    [property: JsonPropertyName("nextCursor")] string? NextCursor);
