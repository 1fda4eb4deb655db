using System.Text.Json;

namespace TaskActors.EndToEnd.Tests.Cluster;

/// <summary>A task the failover client started: its id, the tool, and the session (index and MCP session id) it came from.</summary>
public sealed record StartedTask(string TaskId, string Tool, int Session, string? SessionId);

/// <summary>A run of equal statuses the client saw polling a task with tasks/get; <see cref="FirstAt"/> is in Unix milliseconds.</summary>
public sealed record ObservedStatus(string Status, int Count, long FirstAt);

/// <summary>
/// What the failover client saw of one task: the statuses tasks/get answered, in order; its last <c>lastUpdatedAt</c>;
/// the status after the polling; the result tasks/result answered, twice; the statuses tasks/list showed it with
/// (once per listing); and the polls that failed.
/// </summary>
public sealed record ObservedTask(
    string TaskId,
    string Tool,
    int Session,
    string? SessionId,
    IReadOnlyList<ObservedStatus> Statuses,
    DateTimeOffset? LastUpdatedAt,
    string FinalStatus,
    JsonElement Result,
    JsonElement ResultAgain,
    IReadOnlyList<string> Listed,
    int Errors,
    IReadOnlyList<string> FirstErrors)
{
    /// <summary>The <c>slow_whoami</c> report in the result's first text block, or null when the result has none.</summary>
    public JsonElement? Report =>
        Result.ValueKind == JsonValueKind.Object
        && Result.TryGetProperty("content", out var content)
        && content.ValueKind == JsonValueKind.Array
        && content.GetArrayLength() > 0
        && content[0].TryGetProperty("text", out var text)
            ? JsonElement.Parse(text.GetString()!)
            : null;
}
