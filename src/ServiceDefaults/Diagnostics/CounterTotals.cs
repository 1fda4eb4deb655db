using System.Text.Json.Serialization;

namespace TaskActors.ServiceDefaults.Diagnostics;

/// <summary>The total of one counter, and its split by what it counted (state name, or grain type and method).</summary>
internal sealed record CounterTotals
{
    [JsonPropertyName("total")]
    public required long Total { get; init; }

    [JsonPropertyName("by")]
    public required IReadOnlyDictionary<string, long> By { get; init; }
}
