using TaskActors.TaskLoad.Hosting;

namespace TaskActors.TaskLoad.Measurement;

/// <summary>
/// One server (or local cluster) at one concurrency: what the clients measured, what it cost the server processes (and
/// their Redis), the silos' runtime counters (TaskActors only) and the Redis commands (with Redis only).
/// </summary>
internal sealed record LevelResult(
    ServerKind Server,
    ClusterShape? Cluster,
    int Concurrency,
    PhaseResult Phase,
    TargetCpu TargetCpu,
    TimeSpan RedisCpu,
    TimeSpan ClientCpu,
    TimeSpan MachineCpu,
    long ServerWorkingSetBytes,
    SiloCost? Silo,
    RedisCost? Redis)
{
    /// <summary>CPU time of every server process (a cluster's silos and gateways together), not its Redis.</summary>
    public TimeSpan ServerCpu => TargetCpu.Total;

    /// <summary>Server CPU time per completed task, in milliseconds (the server processes alone, not their Redis).</summary>
    public double ServerCpuPerTask => ServerCpu.TotalMilliseconds / Phase.Completed;

    /// <summary>How many cores the server processes kept busy on average.</summary>
    public double ServerCores => ServerCpu / Phase.Elapsed;

    /// <summary>How many cores the silos (or the one server process) kept busy on average.</summary>
    public double SiloCores => TargetCpu.Silos / Phase.Elapsed;

    /// <summary>How many cores the gateway processes of their own kept busy on average (zero without any).</summary>
    public double GatewayCores => TargetCpu.Gateways / Phase.Elapsed;

    /// <summary>How many cores the server's Redis kept busy on average (zero without one).</summary>
    public double RedisCores => RedisCpu / Phase.Elapsed;

    /// <summary>How many cores the load generator itself kept busy (the machine is shared).</summary>
    public double ClientCores => ClientCpu / Phase.Elapsed;

    /// <summary>How many cores everything else kept busy: other processes, and kernel work charged to no process.</summary>
    public double OtherCores => Math.Max(0, (MachineCpu - ServerCpu - RedisCpu - ClientCpu) / Phase.Elapsed);
}
