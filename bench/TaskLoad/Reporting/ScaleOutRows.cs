using System.Globalization;
using TaskActors.TaskLoad.Hosting;
using TaskActors.TaskLoad.Measurement;

namespace TaskActors.TaskLoad.Reporting;

/// <summary>
/// The scale-out table: every TaskActors target on Redis (the single Silo process and each --cluster configuration)
/// with its throughput against the first cluster configuration at the same client count, CPU by role, how the grain
/// calls fell on the silos, and what a task cost Redis.
/// </summary>
internal static class ScaleOutRows
{
    public static readonly string[] Header =
    [
        "Server", "Clients", "Tasks/s", "× first cluster", "TaskActors CPU ms/task", "Redis CPU ms/task", "Silo cores", "Gateway cores", "Redis cores",
        "Load-gen cores", "Other cores", "TaskActors RSS MB", "Grain calls/task", "Grain calls by silo", "Redis commands/task (less background)", "Redis scripts/task (less background)",
    ];

    /// <summary>Whether the run measured any local cluster (the table is printed only then).</summary>
    public static bool Any(IEnumerable<LevelResult> results) => results.Any(r => r.Cluster is not null);

    public static IEnumerable<string[]> Rows(IReadOnlyList<LevelResult> results) =>
        from r in results
        where r.Server is ServerKind.Redis or ServerKind.Cluster
        let first = results.FirstOrDefault(f => f.Cluster is not null && f.Concurrency == r.Concurrency)
        select new[]
        {
            ResultRows.Name(r),
            Number(r.Concurrency, "0"),
            Number(r.Phase.TasksPerSecond, "0"),
            first is { Phase.TasksPerSecond: > 0 } ? Number(r.Phase.TasksPerSecond / first.Phase.TasksPerSecond, "0.00") + "×" : "-",
            Number(r.ServerCpuPerTask, "0.000"),
            r.Redis is { } redis ? Number(redis.CpuMillisecondsPerTask, "0.000") : "-",
            Number(r.SiloCores, "0.00"),
            r.Cluster is { Gateways: > 0 } ? Number(r.GatewayCores, "0.00") : "co-hosted",
            Number(r.RedisCores, "0.00"),
            Number(r.ClientCores, "0.00"),
            Number(r.OtherCores, "0.00"),
            Number(r.ServerWorkingSetBytes / 1024.0 / 1024.0, "0"),
            r.Silo is { } silo ? Number(silo.CallsPerTask, "0.00") : "-",
            r.Silo is { } spread ? Shares(spread.CallsBySilo) : "-",
            r.Redis is { } commands ? Number(commands.NetCommandsPerTask, "0.00") : "-",
            r.Redis is { } scripts ? Number(scripts.ScriptsPerTask, "0.00") : "-",
        };

    /// <summary>Each silo's share of the grain calls, in percent, in the order the cluster started them.</summary>
    private static string Shares(IReadOnlyList<long> calls)
    {
        var total = calls.Sum();
        return calls.Count < 2 || total == 0 ? "-" : string.Join(" / ", calls.Select(c => Number(100.0 * c / total, "0"))) + " %";
    }

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
