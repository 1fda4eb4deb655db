using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaskActors.Grains.Abstractions.Tasks;

/// <summary>
/// How a tool run ended: a result (completed, or failed when it is an error result) or a JSON-RPC error (failed, or
/// cancelled). <c>tasks/result</c> replays it exactly.
/// </summary>
public sealed record TaskOutcome
{
    /// <summary>The tool result (a CallToolResult as JSON), when the run returned one.</summary>
    [JsonPropertyName("result")]
    public JsonElement? Result { get; init; }

    /// <summary>Whether the result is an error result (<c>isError: true</c>).</summary>
    [JsonPropertyName("isError")]
    public bool IsError { get; init; }

    /// <summary>The JSON-RPC error, when the run ended with one.</summary>
    [JsonPropertyName("error")]
    public TaskError? Error { get; init; }

    /// <summary>A short, client-safe description for the task's status message.</summary>
    [JsonPropertyName("summary")]
    public string? Summary { get; init; }

    /// <summary>The status this outcome puts a task in.</summary>
    [JsonIgnore]
    public ToolTaskStatus Status => Error is not null || IsError ? ToolTaskStatus.Failed : ToolTaskStatus.Completed;
}
