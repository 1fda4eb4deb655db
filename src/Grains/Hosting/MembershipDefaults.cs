using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace TaskActors.Grains.Hosting;

/// <summary>
/// TaskActors' membership tuning. Orleans' defaults take about 30 s to declare a killed silo dead; a task's run lost with
/// its silo should resume on a survivor within 10 s. Measured on a loaded 2-core machine: a 1 s probe timeout with 2
/// missed probes declared a healthy but busy silo dead; 2 s with 3 missed probes recovered a killed silo in about 6 s
/// and declared no healthy silo dead. See docs/orleans.md.
/// </summary>
public static class MembershipDefaults
{
    /// <summary>The configuration section (under <c>TaskActors</c>) that overrides any of these settings.</summary>
    public const string SectionName = "Membership";

    /// <summary>Applies the tuning, then whatever <c>TaskActors:Membership</c> in the silo's configuration overrides.</summary>
    public static ISiloBuilder UseTaskActorsMembership(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ClusterMembershipOptions>()
            .Configure(Apply)
            .Bind(builder.Configuration.GetSection("TaskActors").GetSection(SectionName));
        return builder;
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
