using TaskActors.TaskLoad.Hosting;

namespace TaskActors.TaskLoad.Measurement;

/// <summary>
/// One server at one concurrency: what the clients measured, what it cost the server (and its Redis), its runtime
/// counters (TaskActors only) and its Redis commands (cluster mode only).
/// </summary>
internal sealed record LevelResult(
    ServerKind Server,
    int Concurrency,
    PhaseResult Phase,
    TimeSpan ServerCpu,
    TimeSpan RedisCpu,
    TimeSpan ClientCpu,
    TimeSpan MachineCpu,
    long ServerWorkingSetBytes,
    SiloCost? Silo,
    RedisCost? Redis)
{
    /// <summary>Server CPU time per completed task, in milliseconds (the server process alone, not its Redis).</summary>
    public double ServerCpuPerTask => ServerCpu.TotalMilliseconds / Phase.Completed;

    /// <summary>How many cores the server kept busy on average.</summary>
    public double ServerCores => ServerCpu / Phase.Elapsed;

    /// <summary>How many cores the server's Redis kept busy on average (zero without one).</summary>
    public double RedisCores => RedisCpu / Phase.Elapsed;

    /// <summary>How many cores the load generator itself kept busy (the machine is shared).</summary>
    public double ClientCores => ClientCpu / Phase.Elapsed;

    /// <summary>How many cores everything else kept busy: other processes, and kernel work charged to no process.</summary>
    public double OtherCores => Math.Max(0, (MachineCpu - ServerCpu - RedisCpu - ClientCpu) / Phase.Elapsed);
}
