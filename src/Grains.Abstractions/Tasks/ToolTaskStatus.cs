using System.Text.Json.Serialization;

namespace TaskActors.Grains.Abstractions.Tasks;

/// <summary>
/// The task status machine of MCP: working → input_required ↔ working → completed | failed | cancelled.
/// Terminal statuses never change; cancelled is sticky.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ToolTaskStatus>))]
public enum ToolTaskStatus
{
    /// <summary>The tool is running.</summary>
    [JsonStringEnumMemberName("working")]
    Working,

    /// <summary>The tool waits for input from the requestor (elicitation or sampling).</summary>
    [JsonStringEnumMemberName("input_required")]
    InputRequired,

    /// <summary>The tool returned a result.</summary>
    [JsonStringEnumMemberName("completed")]
    Completed,

    /// <summary>The tool returned an error result or failed.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>The task was cancelled.</summary>
    [JsonStringEnumMemberName("cancelled")]
    Cancelled,
}
