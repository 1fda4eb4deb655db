using System.Text.Json.Serialization;

namespace TaskActors.SampleServers.Lifespan;

/// <summary>What <c>whoami</c> shows of the lifespan state its run sees.</summary>
/// <param name="StartedAt">When the silo started the server.</param>
/// <param name="InstanceId">The state object's identity.</param>
/// <param name="TickCounters">How many tick_counter tasks have a recorded count.</param>
internal sealed record LifespanReport(
    [property: JsonPropertyName("startedAt")] DateTimeOffset StartedAt,
    [property: JsonPropertyName("instanceId")] string InstanceId,
    [property: JsonPropertyName("tickCounters")] int TickCounters)
{
    /// <summary>The report of <paramref name="state"/>.</summary>
    public static LifespanReport Of(SamplesLifespanState state) => new(state.StartedAt, state.InstanceId, state.TickCounters.Count);
}
