using System.Text.Json.Serialization;
using System.Globalization;
using TaskActors.Grains.Abstractions.Tasks;
using TaskActors.Storage.Records;

namespace TaskActors.Grains.Tasks;

/// <summary>The stored state of a durable task: its context snapshot, status, outcome and pending input requests.</summary>
public sealed class TaskGrainState : IStoredState
{
    /// <summary>The layout version of this record.</summary>
    [JsonPropertyName("schema")]
    public int SchemaVersion { get; set; } = 1;

    /// <summary>The context captured at submission (its access token is kept encrypted in <see cref="ProtectedAccessToken"/>).</summary>
    [JsonPropertyName("context")]
    public TaskContextSnapshot? Context { get; set; }

    /// <summary>The access token snapshot, encrypted; null for anonymous tasks.</summary>
    [JsonPropertyName("protectedToken")]
    public string? ProtectedAccessToken { get; set; }

    /// <summary>The status.</summary>
    [JsonPropertyName("status")]
    public ToolTaskStatus Status { get; set; }

    /// <summary>The status message.</summary>
    [JsonPropertyName("statusMessage")]
    public string? StatusMessage { get; set; }

    /// <summary>When the task was created.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the status last changed.</summary>
    [JsonPropertyName("lastUpdatedAt")]
    public DateTimeOffset LastUpdatedAt { get; set; }

    /// <summary>The retention from creation; null for unlimited.</summary>
    [JsonPropertyName("ttl")]
    public TimeSpan? Ttl { get; set; }

    /// <summary>The suggested polling interval.</summary>
    [JsonPropertyName("pollInterval")]
    public TimeSpan PollInterval { get; set; }

    /// <summary>How the run ended, once terminal.</summary>
    [JsonPropertyName("outcome")]
    public TaskOutcome? Outcome { get; set; }

    /// <summary>Input requests the client has not answered.</summary>
    [JsonPropertyName("pendingInputs")]
    public List<PendingInput> PendingInputs { get; set; } = [];

    /// <summary>How many input requests the task has made (numbers their ids).</summary>
    [JsonPropertyName("inputCount")]
    public int InputCount { get; set; }

    /// <summary>The current run attempt (1 for the first run).</summary>
    [JsonPropertyName("attempt")]
    public int Attempt { get; set; }

    /// <summary>How many runs were lost with their silo (a run handed over by a stopping silo is not lost).</summary>
    [JsonPropertyName("lostRuns")]
    public int LostRuns { get; set; }

    /// <summary>Whether the last run was stopped by its activation's deactivation, which handed the task over.</summary>
    [JsonPropertyName("handedOver")]
    public bool HandedOver { get; set; }

    /// <summary>The listing partition (requestor key).</summary>
    [JsonPropertyName("listPartition")]
    public string? ListPartition { get; set; }

    /// <summary>
    /// The record expires with the task's ttl, and is listed under its requestor, newest first by creation time, for
    /// tasks/list: both in the same write as the state.
    /// </summary>
    [JsonIgnore]
    public StateRecordPolicy StoragePolicy => new(
        Ttl is { } ttl ? CreatedAt + ttl : null,
        ListPartition is { } partition && Context is { } context ? new StateIndexEntry(partition, SortKey(CreatedAt, context.TaskId)) : null);

    /// <summary>The index sort key: creation ticks (fixed width, so ordinal order is time order), then the task id.</summary>
    public static string SortKey(DateTimeOffset createdAt, string taskId) =>
        string.Create(CultureInfo.InvariantCulture, $"{createdAt.UtcTicks:D19}.{taskId}");
}
