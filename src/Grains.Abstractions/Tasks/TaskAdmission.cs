using System.Text.Json.Serialization;

namespace TaskActors.Grains.Abstractions.Tasks;

/// <summary>Whether a requestor may start another task now, and if not why (safe to show to the client).</summary>
/// <param name="Admitted">True when the task may start.</param>
/// <param name="Reason">Why not.</param>
/// <param name="ErrorCode">The JSON-RPC error code for the refusal (<see cref="TaskErrorCodes"/>).</param>
/// <param name="RetryAfterMs">For a rate-limit refusal, how many milliseconds until a creation would be admitted.</param>
public sealed record TaskAdmission(
    [property: JsonPropertyName("admitted")] bool Admitted,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("code")] int ErrorCode = 0,
    [property: JsonPropertyName("retryAfterMs")] long? RetryAfterMs = null)
{
    /// <summary>The task may start.</summary>
    public static readonly TaskAdmission Yes = new(true, null);
}
