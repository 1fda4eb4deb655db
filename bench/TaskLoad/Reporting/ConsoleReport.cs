using System.Globalization;
using Spectre.Console;
using TaskActors.TaskLoad.Measurement;

namespace TaskActors.TaskLoad.Reporting;

/// <summary>Prints the results as tables on the console.</summary>
internal static class ConsoleReport
{
    public static void Write(MachineInfo machine, IReadOnlyList<LevelResult> results)
    {
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]{machine.Cpu}[/], {machine.Cores} cores, {machine.Memory}; {machine.DotNet}; Node {machine.Node}; {machine.Redis}");
        AnsiConsole.Write(Table("Throughput and CPU", ResultRows.ThroughputHeader, ResultRows.Throughput(results)));
        AnsiConsole.Write(Table("Latency (ms)", ResultRows.LatencyHeader, ResultRows.Latency(results)));
        AnsiConsole.Write(Table("TaskActors: storage, grain calls and Redis per task", ResultRows.CostHeader, ResultRows.Cost(results)));
        AnsiConsole.Write(Table("TaskActors: cost per task by kind", ResultRows.CostByKindHeader, ResultRows.CostByKind(results)));
        AnsiConsole.Write(Table("TaskActors on Redis: commands by name", ResultRows.RedisCommandsHeader, ResultRows.RedisCommands(results)));
        if (ScaleOutRows.Any(results))
        {
            AnsiConsole.Write(Table("Scale-out: TaskActors on Redis, one process and local clusters", ScaleOutRows.Header, ScaleOutRows.Rows(results)));
        }

        foreach (var error in ResultRows.Errors(results))
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{error}[/]");
        }
    }

    private static Table Table(string title, string[] header, IEnumerable<string[]> rows)
    {
        var table = new Table { Title = new TableTitle(title) }.AddColumns(header);
        foreach (var row in rows)
        {
            table.AddRow(row.Select(Markup.Escape).ToArray());
        }

        return table;
    }
}
