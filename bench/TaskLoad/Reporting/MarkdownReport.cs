using System.Globalization;
using System.Text;
using TaskActors.TaskLoad.Measurement;

namespace TaskActors.TaskLoad.Reporting;

/// <summary>Writes the results as Markdown tables, ready to paste into docs/benchmarks.md.</summary>
internal static class MarkdownReport
{
    public static async Task WriteAsync(string path, string commandLine, MachineInfo machine, LoadSettings settings, IReadOnlyList<LevelResult> results, CancellationToken cancellationToken)
    {
        var window = settings.Tasks is { } tasks
            ? string.Create(CultureInfo.InvariantCulture, $"{tasks} tasks")
            : string.Create(CultureInfo.InvariantCulture, $"{settings.Duration.TotalSeconds:0.#} s");
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Command: `{commandLine}`")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine.Cpu}, {machine.Cores} cores, {machine.Memory} RAM, {machine.OperatingSystem}; {machine.DotNet}; Node {machine.Node}; {machine.Redis}.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Each window: {window} after {settings.Warmup.TotalSeconds:0.#} s of warm-up; {settings.GetsPerTask} tasks/get per task; ttl {settings.TtlMilliseconds} ms; every server process (and each redis-server) freshly started; local clusters{Clusters(settings)}; Redis background measured over {settings.RedisIdle.TotalSeconds:0.#} s idle after each cluster-mode window.")
            .AppendLine();
        Table(text, ResultRows.ThroughputHeader, ResultRows.Throughput(results));
        text.AppendLine("Latency in milliseconds, measured by the client from sending the request to parsing its response.").AppendLine();
        Table(text, ResultRows.LatencyHeader, ResultRows.Latency(results));
        text.AppendLine("TaskActors, per completed task (the Silo's counters; Redis INFO commandstats, cpu and persistence):").AppendLine();
        Table(text, ResultRows.CostHeader, ResultRows.Cost(results));
        text.AppendLine("TaskActors, per completed task by kind:").AppendLine();
        Table(text, ResultRows.CostByKindHeader, ResultRows.CostByKind(results));
        text.AppendLine("TaskActors on Redis, commands by name (a script's own commands are counted too, under their names):").AppendLine();
        Table(text, ResultRows.RedisCommandsHeader, ResultRows.RedisCommands(results));
        if (ScaleOutRows.Any(results))
        {
            text.AppendLine("Scale-out: TaskActors on Redis, one process and local clusters (CPU of every silo and gateway process together; grain calls by silo in percent, in start order):").AppendLine();
            Table(text, ScaleOutRows.Header, ScaleOutRows.Rows(results));
        }

        foreach (var error in ResultRows.Errors(results))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- Error: {error}");
        }

        await File.WriteAllTextAsync(path, text.ToString(), cancellationToken);
    }

    private static string Clusters(LoadSettings settings) => settings.Clusters.Count == 0
        ? " none"
        : " " + string.Join(", ", settings.Clusters) + " (silos x gateways, from scripts/local-cluster.sh, clients spread evenly over the gateways)";

    private static void Table(StringBuilder text, string[] header, IEnumerable<string[]> rows)
    {
        text.AppendLine("| " + string.Join(" | ", header) + " |");
        text.AppendLine("|" + string.Concat(header.Select(column => column is "Server" or "What" or "Redis command" ? "---|" : "---:|")));
        foreach (var row in rows)
        {
            text.AppendLine("| " + string.Join(" | ", row.Select(cell => cell.Replace("|", "\\|", StringComparison.Ordinal))) + " |");
        }

        text.AppendLine();
    }
}
