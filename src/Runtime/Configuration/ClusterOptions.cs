namespace TaskActors.Runtime.Configuration;

/// <summary>Which cluster a silo or client belongs to.</summary>
public sealed class ClusterOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Cluster";

    /// <summary>Identifies one deployment of the cluster; silos of different cluster ids never see each other. Default <c>dev</c>.</summary>
    public string ClusterId { get; set; } = "dev";

    /// <summary>Identifies the service across deployments; grain state is keyed by it so it survives redeployments. Default <c>taskactors</c>.</summary>
    public string ServiceId { get; set; } = "taskactors";
}
