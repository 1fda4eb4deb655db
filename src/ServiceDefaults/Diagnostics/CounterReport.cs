using System.Text.Json.Serialization;

namespace TaskActors.ServiceDefaults.Diagnostics;

/// <summary>The body of <c>GET /diagnostics/counters</c>: every counter of one meter, by instrument name.</summary>
internal sealed record CounterReport
{
    [JsonPropertyName("meter")]
    public required string Meter { get; init; }

    [JsonPropertyName("counters")]
    public required IReadOnlyDictionary<string, CounterTotals> Counters { get; init; }
}
