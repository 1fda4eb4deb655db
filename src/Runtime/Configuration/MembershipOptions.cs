namespace TaskActors.Runtime.Configuration;

/// <summary>
/// Heartbeats and failure detection. A silo that stops heartbeating is declared dead within
/// <see cref="DeathTimeout"/> + <see cref="TableRefreshPeriod"/> (8 s with the defaults).
/// </summary>
public sealed class MembershipOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Membership";

    /// <summary>How often a silo writes its I-am-alive time. Default 2 s.</summary>
    public TimeSpan IAmAlivePeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A silo whose last I-am-alive is older than this is declared dead. Default 6 s.</summary>
    public TimeSpan DeathTimeout { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>How often every silo and client re-reads the membership table. Default 2 s.</summary>
    public TimeSpan TableRefreshPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Dead silo rows older than this are deleted from the table. Default 1 day.</summary>
    public TimeSpan DefunctSiloExpiration { get; set; } = TimeSpan.FromDays(1);
}
