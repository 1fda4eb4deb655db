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
            .AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine.Cpu}, {machine.Cores} cores, {machine.Memory} RAM, {machine.OperatingSystem}; {machine.DotNet}; Node {machine.Node}.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Each window: {window} after {settings.Warmup.TotalSeconds:0.#} s of warm-up; {settings.GetsPerTask} tasks/get per task; ttl {settings.TtlMilliseconds} ms; every server process freshly started.")
            .AppendLine();
        Table(text, ResultRows.ThroughputHeader, ResultRows.Throughput(results));
        text.AppendLine("Latency in milliseconds, measured by the client from sending the request to parsing its response.").AppendLine();
        Table(text, ResultRows.LatencyHeader, ResultRows.Latency(results));
        text.AppendLine("TaskActors, per completed task:").AppendLine();
        Table(text, ResultRows.CostHeader, ResultRows.Cost(results));
        foreach (var error in ResultRows.Errors(results))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- Error: {error}");
        }

        await File.WriteAllTextAsync(path, text.ToString(), cancellationToken);
    }

    private static void Table(StringBuilder text, string[] header, IEnumerable<string[]> rows)
    {
        text.AppendLine("| " + string.Join(" | ", header) + " |");
        text.AppendLine("|" + string.Concat(header.Select((_, i) => i < 2 ? "---|" : "---:|")));
        foreach (var row in rows)
        {
            text.AppendLine("| " + string.Join(" | ", row.Select(cell => cell.Replace("|", "\\|", StringComparison.Ordinal))) + " |");
        }

        text.AppendLine();
    }
}
