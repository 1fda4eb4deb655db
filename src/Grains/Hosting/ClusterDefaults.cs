using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace TaskActors.Grains.Hosting;

/// <summary>
/// How TaskActors' silos keep a cluster together: membership tuning and the grain directory. Orleans' defaults take about 30 s to declare a killed silo dead; a task's run lost with
/// its silo should resume on a survivor within 10 s. Measured on a loaded 2-core machine: a 1 s probe timeout with 2
/// missed probes declared a healthy but busy silo dead; 2 s with 3 missed probes recovered a killed silo in about 6 s
/// and declared no healthy silo dead. See docs/orleans.md.
/// </summary>
public static class ClusterDefaults
{
    /// <summary>The configuration section (under <c>TaskActors</c>) that overrides any of these settings.</summary>
    public const string SectionName = "Membership";

    /// <summary>
    /// Applies the membership tuning (then whatever <c>TaskActors:Membership</c> in the silo's configuration overrides)
    /// and Orleans' distributed grain directory. With Orleans' default directory, the loss of a silo also deactivates
    /// the activations on the survivors whose directory entries it held (measured: 0-9 of 10 task runs on the surviving
    /// silo restarted when the other was killed); the distributed directory rebuilds those entries from the survivors'
    /// own activations, so a silo's loss disturbs only what ran on it. It keeps entries in memory: no storage writes.
    /// </summary>
    public static ISiloBuilder UseTaskActorsClusterDefaults(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddDistributedGrainDirectory();
        builder.Services.AddOptions<GrainDirectoryOptions>().Configure<IOptions<ClusterMembershipOptions>>(
            static (directory, membership) => directory.RangeLeaseDuration = DeadSiloLeaseAfter(membership.Value));
        builder.Services.AddOptions<ClusterMembershipOptions>()
            .Configure(Apply)
            .Bind(builder.Configuration.GetSection("TaskActors").GetSection(SectionName));
        return builder;
    }

    /// <summary>
    /// How long after a silo is declared dead its grains stay leased (not re-activated elsewhere): one second. Orleans'
    /// distributed directory holds a dead silo's grains for <c>RangeLeaseDuration</c> from its estimated failure, which
    /// it dates back by the longest failure detection (<c>MaxProbeTimeout</c> × <c>NumMissedProbesLimit</c>, 24 s with
    /// these settings); its 30 s default kept a killed silo's tasks from resuming for 6 s after the declaration, past the
    /// 10 s target. The lease guards against a silo declared dead that still runs: it stops itself once it reads its
    /// death, and until then a task may run twice, which its ETag-checked state tolerates.
    /// </summary>
    public static readonly TimeSpan DeadSiloLease = TimeSpan.FromSeconds(1);

    /// <summary>The directory's <c>RangeLeaseDuration</c> that leaves <see cref="DeadSiloLease"/> after a death is declared.</summary>
    public static TimeSpan DeadSiloLeaseAfter(ClusterMembershipOptions membership)
    {
        ArgumentNullException.ThrowIfNull(membership);
        return (membership.MaxProbeTimeout * membership.NumMissedProbesLimit) + DeadSiloLease;
    }

    /// <summary>Applies the tuning to <paramref name="options"/>.</summary>
    public static void Apply(ClusterMembershipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ProbeTimeout = TimeSpan.FromSeconds(2);
        options.NumMissedProbesLimit = 3;
        options.TableRefreshTimeout = TimeSpan.FromSeconds(2);
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
        options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30);
    }
}
