using System.Text.Json.Serialization;

namespace TaskActors.Grains.Abstractions.Tasks;

/// <summary>A request to admit a new task into its requestor's scope, with what keeping it will cost.</summary>
/// <param name="TaskId">The new task's id (admitting the same id again counts it once).</param>
/// <param name="StoredBytes">The bytes the task's record keeps from the start: its arguments.</param>
/// <param name="ExpiresAt">When the task's ttl ends and its record, and its share of the scope's quotas, go.</param>
public sealed record TaskAdmissionRequest(
    [property: JsonPropertyName("taskId")] string TaskId,
    [property: JsonPropertyName("storedBytes")] long StoredBytes,
    [property: JsonPropertyName("expiresAt")] DateTimeOffset ExpiresAt);
