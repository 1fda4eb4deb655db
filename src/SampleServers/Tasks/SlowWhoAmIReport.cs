using System.Text.Json;
using System.Text.Json.Serialization;
using TaskActors.Servers.Context;

namespace TaskActors.SampleServers.Tasks;

/// <summary>
/// What <c>slow_whoami</c> returns (JSON text): the <c>whoami</c> report of the run's context, taken once its wait is
/// over, and where and when that run started. A run lost with its silo and started again elsewhere reports the
/// survivor and the restart, so a failover test can tell a re-driven run from the first one.
/// </summary>
internal sealed record SlowWhoAmIReport
{
    /// <summary>The task context the run saw, as <c>whoami</c> reports it.</summary>
    [JsonPropertyName("whoami")]
    public required WhoAmIReport WhoAmI { get; init; }

    /// <summary>The address of the silo that ran the tool (e.g. <c>S127.0.0.1:11111:123456</c>); null outside a silo.</summary>
    [JsonPropertyName("silo")]
    public string? Silo { get; init; }

    /// <summary>When this run of the tool started, on the silo's clock.</summary>
    [JsonPropertyName("runStartedAt")]
    public required DateTimeOffset RunStartedAt { get; init; }

    /// <summary>Waits <paramref name="seconds"/> (cancellable), then reports <paramref name="context"/> and where it ran.</summary>
    public static async Task<SlowWhoAmIReport> RunAsync(McpTaskContext context, double seconds, ILocalSiloDetails? silo, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var duration = FixtureDurations.FromSeconds(seconds);
        var startedAt = timeProvider.GetUtcNow();
        await Task.Delay(duration, timeProvider, cancellationToken);
        return new SlowWhoAmIReport { WhoAmI = WhoAmIReport.Of(context), Silo = silo?.SiloAddress.ToString(), RunStartedAt = startedAt };
    }

    /// <summary>The report as compact JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, SampleServersJsonContext.Default.SlowWhoAmIReport);
}
