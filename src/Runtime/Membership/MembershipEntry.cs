using System.Text.Json.Serialization;
using TaskActors.Runtime.Identity;

namespace TaskActors.Runtime.Membership;

/// <summary>One silo's row in the membership table.</summary>
public sealed record MembershipEntry
{
    /// <summary>The silo.</summary>
    [JsonPropertyName("silo")]
    public required SiloAddress Silo { get; init; }

    /// <summary>The silo's readable name (pod name).</summary>
    [JsonPropertyName("name")]
    public required string SiloName { get; init; }

    /// <summary>The silo's status.</summary>
    [JsonPropertyName("status")]
    public required SiloStatus Status { get; init; }

    /// <summary>When the silo started.</summary>
    [JsonPropertyName("startTime")]
    public required DateTimeOffset StartTime { get; init; }

    /// <summary>The silo's last heartbeat.</summary>
    [JsonPropertyName("iAmAliveTime")]
    public required DateTimeOffset IAmAliveTime { get; init; }
}
