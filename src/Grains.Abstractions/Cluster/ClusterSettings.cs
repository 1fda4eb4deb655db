using System.Net;

namespace TaskActors.Grains.Abstractions.Cluster;

/// <summary>
/// Where the silo cluster is and how its processes find each other; bound from <c>TaskActors:Cluster</c> by silos and
/// by gateways of their own. Without <see cref="Redis"/> a silo runs the embedded default: one silo, localhost
/// clustering, in-memory storage and reminders. With it, silos cluster through Redis and keep grain state and reminders there.
/// </summary>
public sealed class ClusterSettings
{
    /// <summary>The configuration section (under <c>TaskActors</c>).</summary>
    public const string SectionName = "Cluster";

    /// <summary>The Kubernetes downward-API variable a silo advertises its address from when <see cref="AdvertisedAddress"/> is unset.</summary>
    public const string PodIpVariable = "POD_IP";

    /// <summary>
    /// The StackExchange.Redis connection string of the cluster's Redis (for example <c>127.0.0.1:6379</c>). Empty (the
    /// default): the embedded default, nothing survives the process.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>The Orleans cluster id: silos and gateways with the same id form one cluster. Default <c>taskactors</c>.</summary>
    public string ClusterId { get; set; } = "taskactors";

    /// <summary>The Orleans service id, stable across deployments; it prefixes every Redis key. Default <c>taskactors</c>.</summary>
    public string ServiceId { get; set; } = "taskactors";

    /// <summary>The silo-to-silo port. Default 11111; give each silo on one machine its own.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port cluster clients (gateways of their own) connect to. Default 30000; give each silo on one machine its own.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The IP address other processes reach this silo at. Default: <c>POD_IP</c> when set, else 127.0.0.1 (one machine).</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>
    /// How long a gateway of its own waits for a grain to answer one call. Orleans fails a client's call to a silo that
    /// died only when this runs out, so it bounds how soon a waiting <c>tasks/result</c> finds its task on a survivor;
    /// the gateway's long polls are kept a second shorter. Default 5 s.
    /// </summary>
    public TimeSpan ClientResponseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether the cluster keeps its state in Redis.</summary>
    public bool UsesRedis => !string.IsNullOrWhiteSpace(Redis);

    /// <summary>
    /// The address this silo advertises. One that is not an IP address reads as loopback here, so the host still builds
    /// and <see cref="ClusterSettingsValidator"/> reports it at start with every other problem.
    /// </summary>
    public IPAddress ResolveAdvertisedAddress(string? podIp) =>
        IPAddress.TryParse(!string.IsNullOrWhiteSpace(AdvertisedAddress) ? AdvertisedAddress : !string.IsNullOrWhiteSpace(podIp) ? podIp : "127.0.0.1", out var address)
            ? address
            : IPAddress.Loopback;
}
