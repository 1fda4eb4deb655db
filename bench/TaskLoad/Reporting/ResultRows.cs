using System.Globalization;
using TaskActors.TaskLoad.Hosting;
using TaskActors.TaskLoad.Measurement;

namespace TaskActors.TaskLoad.Reporting;

/// <summary>The report's tables as rows of text, shared by the console and the Markdown output.</summary>
internal static class ResultRows
{
    public static readonly string[] ThroughputHeader =
        ["Server", "Clients", "Completed", "Tasks/s", "Errors", "Server CPU ms/task", "Server cores", "Load-gen cores", "Other cores (kernel, other processes)", "Server RSS MB", "Storage writes/task", "Storage reads/task"];

    public static readonly string[] LatencyHeader =
        ["Server", "Clients", "create p50 / p90 / p99 / max", "get p50 / p90 / p99 / max", "result p50 / p90 / p99 / max"];

    public static readonly string[] CostHeader = ["Clients", "What", "Per task"];

    public static string Name(ServerKind server) => server == ServerKind.TaskActors ? "TaskActors" : "TS SDK (in-memory store)";

    public static IEnumerable<string[]> Throughput(IEnumerable<LevelResult> results) => results.Select(r => new[]
    {
        Name(r.Server),
        Format(r.Concurrency),
        Format(r.Phase.Completed),
        Number(r.Phase.TasksPerSecond, "0"),
        Format(r.Phase.ErrorCount),
        Number(r.ServerCpuPerTask, "0.000"),
        Number(r.ServerCores, "0.00"),
        Number(r.ClientCores, "0.00"),
        Number(r.OtherCores, "0.00"),
        Number(r.ServerWorkingSetBytes / 1024.0 / 1024.0, "0"),
        r.Storage is { } s ? Number(s.WritesPerTask, "0.00") : "n/a (in memory)",
        r.Storage is { } t ? Number(t.ReadsPerTask, "0.00") : "n/a (in memory)",
    });

    public static IEnumerable<string[]> Latency(IEnumerable<LevelResult> results) => results.Select(r => new[]
    {
        Name(r.Server),
        Format(r.Concurrency),
        Percentiles(r.Phase.Create),
        Percentiles(r.Phase.Get),
        Percentiles(r.Phase.Result),
    });

    /// <summary>TaskActors' cost per task split by kind: writes and reads by state, activations by grain type, calls by method.</summary>
    public static IEnumerable<string[]> Cost(IEnumerable<LevelResult> results) =>
        from r in results
        where r.Storage is not null
        from row in Split("storage write", r.Storage!.Writes)
            .Concat(Split("storage read", r.Storage.Reads))
            .Concat(Split("activation + directory registration", r.Storage.Activations))
            .Concat(Split("grain call", r.Storage.Calls))
        select new[] { Format(r.Concurrency), row.What, Number(row.PerTask, "0.00") };

    public static IEnumerable<string> Errors(IEnumerable<LevelResult> results) =>
        from r in results
        from e in r.Phase.Errors.OrderByDescending(e => e.Value).Take(5)
        select $"{Name(r.Server)}, {r.Concurrency} clients: {e.Value} × {e.Key}";

    private static IEnumerable<(string What, double PerTask)> Split(string kind, IReadOnlyDictionary<string, double> perTask) =>
        perTask.Select(p => ($"{kind}: {p.Key}", p.Value));

    private static string Percentiles(LatencySummary s) =>
        s.Count == 0 ? "-" : $"{Number(s.P50, "0.00")} / {Number(s.P90, "0.00")} / {Number(s.P99, "0.00")} / {Number(s.Max, "0.0")}";

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
