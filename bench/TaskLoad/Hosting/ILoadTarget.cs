namespace TaskActors.TaskLoad.Hosting;

/// <summary>
/// What one measured run drives and reads, freshly started: a single server process (<see cref="ServerUnderTest"/>)
/// or a local cluster (<see cref="LocalCluster"/>). Disposing stops every process it started.
/// </summary>
internal interface ILoadTarget : IAsyncDisposable
{
    ServerKind Kind { get; }

    /// <summary>The cluster configuration; null for a single server process.</summary>
    ClusterShape? Cluster { get; }

    /// <summary>What the progress line says once it listens: processes, PIDs and endpoints.</summary>
    string Description { get; }

    /// <summary>The MCP endpoints; clients are spread over them evenly (client i on endpoint i mod count).</summary>
    IReadOnlyList<Uri> McpUrls { get; }

    /// <summary>The HTTP base URL of each TaskActors silo, whose <c>/diagnostics/counters</c> the run reads; none for the TS SDK.</summary>
    IReadOnlyList<Uri> SiloUrls { get; }

    /// <summary>The port of the redis-server that holds its state; null without one.</summary>
    int? RedisPort { get; }

    /// <summary>CPU time used so far by its server processes (not Redis), silos and separate gateways apart.</summary>
    TargetCpu CpuTime();

    /// <summary>The resident memory of its server processes (not Redis) together.</summary>
    long WorkingSetBytes();

    /// <summary>Throws, with what it last printed, when one of its processes has ended on its own.</summary>
    void EnsureRunning();

    /// <summary>What its processes last printed, for failure messages.</summary>
    string Output();
}

/// <summary>CPU time of a target's server processes: its silos (or its one server) and its gateways of their own.</summary>
internal readonly record struct TargetCpu(TimeSpan Silos, TimeSpan Gateways)
{
    public TimeSpan Total => Silos + Gateways;

    public static TargetCpu operator -(TargetCpu after, TargetCpu before) => new(after.Silos - before.Silos, after.Gateways - before.Gateways);
}
