using System.Globalization;
using TaskActors.TaskLoad.Hosting;
using TaskActors.TaskLoad.Measurement;

namespace TaskActors.TaskLoad.Reporting;

/// <summary>The report's tables as rows of text, shared by the console and the Markdown output.</summary>
internal static class ResultRows
{
    public static readonly string[] ThroughputHeader =
        ["Server", "Clients", "Completed", "Tasks/s", "× TS SDK", "Errors", "Server CPU ms/task", "Redis CPU ms/task", "Server cores", "Redis cores", "Load-gen cores", "Other cores (kernel, other processes)", "Server RSS MB"];

    public static readonly string[] LatencyHeader =
        ["Server", "Clients", "create p50 / p90 / p99 / max", "get p50 / p90 / p99 / max", "result p50 / p90 / p99 / max"];

    public static readonly string[] CostHeader =
        ["Server", "Clients", "Storage writes/task", "Storage reads/task", "Grain calls/task", "Redis commands/task (all)", "Redis commands/task (less background)", "Redis scripts/task (less background)", "AOF bytes/task"];

    public static readonly string[] CostByKindHeader = ["Server", "Clients", "What", "Per task"];

    public static readonly string[] RedisCommandsHeader = ["Server", "Clients", "Redis command", "Per task", "Background calls/s (idle)", "Per task, less background"];

    public static string Name(ServerKind server, ClusterShape? cluster) => server switch
    {
        ServerKind.Embedded => "TaskActors embedded",
        ServerKind.Redis => "TaskActors on Redis (AOF everysec)",
        ServerKind.Cluster => cluster?.Name ?? "Cluster",
        _ => "TS SDK (in-memory store)",
    };

    public static string Name(LevelResult result) => Name(result.Server, result.Cluster);

    public static IEnumerable<string[]> Throughput(IReadOnlyList<LevelResult> results) => results.Select(r => new[]
    {
        Name(r),
        Format(r.Concurrency),
        Format(r.Phase.Completed),
        Number(r.Phase.TasksPerSecond, "0"),
        results.FirstOrDefault(t => t.Server == ServerKind.TypeScript && t.Concurrency == r.Concurrency) is { Phase.TasksPerSecond: > 0 } ts
            ? Number(r.Phase.TasksPerSecond / ts.Phase.TasksPerSecond, "0.00") + "×"
            : "-",
        Format(r.Phase.ErrorCount),
        Number(r.ServerCpuPerTask, "0.000"),
        r.Redis is { } redis ? Number(redis.CpuMillisecondsPerTask, "0.000") : "-",
        Number(r.ServerCores, "0.00"),
        r.Redis is null ? "-" : Number(r.RedisCores, "0.00"),
        Number(r.ClientCores, "0.00"),
        Number(r.OtherCores, "0.00"),
        Number(r.ServerWorkingSetBytes / 1024.0 / 1024.0, "0"),
    });

    public static IEnumerable<string[]> Latency(IEnumerable<LevelResult> results) => results.Select(r => new[]
    {
        Name(r),
        Format(r.Concurrency),
        Percentiles(r.Phase.Create),
        Percentiles(r.Phase.Get),
        Percentiles(r.Phase.Result),
    });

    /// <summary>What a task cost each TaskActors server: its own counters, and its Redis's.</summary>
    public static IEnumerable<string[]> Cost(IEnumerable<LevelResult> results) =>
        from r in results
        where r.Silo is not null
        select new[]
        {
            Name(r),
            Format(r.Concurrency),
            Number(r.Silo!.WritesPerTask, "0.00"),
            Number(r.Silo.ReadsPerTask, "0.00"),
            Number(r.Silo.CallsPerTask, "0.00"),
            r.Redis is { } redis ? Number(redis.CommandsPerTask, "0.00") : "- (in memory)",
            r.Redis is { } net ? Number(net.NetCommandsPerTask, "0.00") : "-",
            r.Redis is { } scripts ? Number(scripts.ScriptsPerTask, "0.00") : "-",
            r.Redis is { } aof ? Number(aof.AofBytesPerTask, "0") : "-",
        };

    /// <summary>TaskActors' cost per task split by kind: writes and reads by state name, calls by grain type and method.</summary>
    public static IEnumerable<string[]> CostByKind(IEnumerable<LevelResult> results) =>
        from r in results
        where r.Silo is not null
        from row in Split("storage write", r.Silo!.Writes)
            .Concat(Split("storage read", r.Silo.Reads))
            .Concat(Split("grain call", r.Silo.Calls))
        select new[] { Name(r), Format(r.Concurrency), row.What, Number(row.PerTask, "0.00") };

    /// <summary>Each Redis's commands by name, with the background the idle interval measured.</summary>
    public static IEnumerable<string[]> RedisCommands(IEnumerable<LevelResult> results) =>
        from r in results
        let redis = r.Redis
        where redis is not null
        from command in redis.PerTask.Keys.Union(redis.BackgroundPerSecond.Keys).Order(StringComparer.Ordinal)
        select new[]
        {
            Name(r),
            Format(r.Concurrency),
            command.ToUpperInvariant() + (RedisCost.ScriptCommands.Contains(command) ? " (script)" : string.Empty),
            Number(redis.PerTask.GetValueOrDefault(command), "0.000"),
            redis.Idle > TimeSpan.Zero ? Number(redis.BackgroundPerSecond.GetValueOrDefault(command), "0.00") : "not measured",
            Number(redis.NetPerTask.GetValueOrDefault(command), "0.000"),
        };

    public static IEnumerable<string> Errors(IEnumerable<LevelResult> results) =>
        from r in results
        from e in r.Phase.Errors.OrderByDescending(e => e.Value).Take(5)
        select $"{Name(r)}, {r.Concurrency} clients: {e.Value} × {e.Key}";

    private static IEnumerable<(string What, double PerTask)> Split(string kind, IReadOnlyDictionary<string, double> perTask) =>
        perTask.Select(p => ($"{kind}: {p.Key}", p.Value));

    private static string Percentiles(LatencySummary s) =>
        s.Count == 0 ? "-" : $"{Number(s.P50, "0.00")} / {Number(s.P90, "0.00")} / {Number(s.P99, "0.00")} / {Number(s.Max, "0.0")}";

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
