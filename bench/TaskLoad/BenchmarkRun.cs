using System.Globalization;
using Spectre.Console;
using TaskActors.TaskLoad.Load;
using TaskActors.TaskLoad.Measurement;
using TaskActors.TaskLoad.Reporting;

namespace TaskActors.TaskLoad;

/// <summary>The whole run: each concurrency level against each server in turn (a fresh process each time), then the report.</summary>
internal static class BenchmarkRun
{
    public static async Task<int> RunAsync(LoadSettings settings, string commandLine, CancellationToken cancellationToken)
    {
        var machine = await MachineInfo.ReadAsync(cancellationToken);
        if (machine.BackgroundCores > 0.2)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[yellow]Something else keeps {machine.BackgroundCores:0.00} cores busy; the numbers will show it (column \"Other cores\").[/]");
        }

        var results = new List<LevelResult>();
        try
        {
            foreach (var level in settings.Concurrency)
            {
                foreach (var server in settings.Servers)
                {
                    var prefix = $"{ResultRows.Name(server)}, {level} clients";
                    var result = await ServerRun.RunAsync(server, level, settings, line => AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]{prefix}: {line}[/]"), cancellationToken);
                    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{prefix}: [bold]{result.Phase.TasksPerSecond:0} tasks/s[/], {result.Phase.Completed} completed, {result.Phase.ErrorCount} errors");
                    results.Add(result);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            AnsiConsole.MarkupLine("[yellow]Cancelled; the servers were stopped.[/]");
            return 130;
        }

        ConsoleReport.Write(machine, results);
        if (settings.MarkdownPath is { } path)
        {
            await MarkdownReport.WriteAsync(path, commandLine, machine, settings, results, cancellationToken);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Markdown written to {path}");
        }

        return results.Any(r => r.Phase.ErrorCount > 0) ? 1 : 0;
    }
}
