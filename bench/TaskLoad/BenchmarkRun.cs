using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using TaskActors.TaskLoad.Hosting;
using TaskActors.TaskLoad.Load;
using TaskActors.TaskLoad.Measurement;
using TaskActors.TaskLoad.Reporting;

namespace TaskActors.TaskLoad;

/// <summary>
/// The whole run: at each concurrency level, each server in turn on fresh processes (embedded, on Redis, TS SDK, or
/// the chosen subset), then each local cluster configuration of --cluster, then the report.
/// </summary>
internal static class BenchmarkRun
{
    public static async Task<int> RunAsync(LoadSettings settings, string commandLine, CancellationToken cancellationToken)
    {
        if (Console.IsOutputRedirected)
        {
            // Spectre assumes 80 columns without a terminal, which folds every table cell and progress line; a log has room.
            AnsiConsole.Profile.Width = 200;
        }

        if (settings.Servers.Count == 0 && settings.Clusters.Count == 0)
        {
            AnsiConsole.MarkupLine("[red]Nothing to measure: --servers none and no --cluster.[/]");
            return 2;
        }

        var redis = settings.Servers.Contains(ServerKind.Redis) || settings.Clusters.Count > 0
            ? await RedisServer.VersionAsync(settings.RedisServer, cancellationToken)
            : "Redis not used";
        var machine = await MachineInfo.ReadAsync(redis, cancellationToken);
        if (machine.BackgroundCores > 0.2)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[yellow]Something else keeps {machine.BackgroundCores:0.00} cores busy; the numbers will show it (column \"Other cores\").[/]");
        }

        var results = new List<LevelResult>();
        var started = Stopwatch.GetTimestamp();
        try
        {
            foreach (var level in settings.Concurrency)
            {
                foreach (var server in settings.Servers)
                {
                    results.Add(await MeasureAsync(ResultRows.Name(server, null), level, async ct => await ServerLauncher.StartAsync(server, settings, ct)));
                }

                foreach (var shape in settings.Clusters)
                {
                    results.Add(await MeasureAsync(ResultRows.Name(ServerKind.Cluster, shape), level, async ct => await LocalCluster.StartAsync(shape, settings, ct)));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            AnsiConsole.MarkupLine("[yellow]Cancelled; the servers were stopped.[/]");
            return 130;
        }

        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Measured in {Stopwatch.GetElapsedTime(started):mm\\:ss}.");
        ConsoleReport.Write(machine, results);
        if (settings.MarkdownPath is { } path)
        {
            await MarkdownReport.WriteAsync(path, commandLine, machine, settings, results, cancellationToken);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Markdown written to {path}");
        }

        return results.Any(r => r.Phase.ErrorCount > 0) ? 1 : 0;

        // Starts a target on fresh processes, measures it at one level and stops it.
        async Task<LevelResult> MeasureAsync(string name, int level, Func<CancellationToken, Task<ILoadTarget>> start)
        {
            var prefix = $"{name}, {level} clients";
            void Report(string line) => AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]{Stopwatch.GetElapsedTime(started):mm\\:ss} {prefix}: {line}[/]");
            Report("starting");
            await using var target = await start(cancellationToken);
            var result = await ServerRun.RunAsync(target, level, settings, Report, cancellationToken);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{prefix}: [bold]{result.Phase.TasksPerSecond:0} tasks/s[/], {result.Phase.Completed} completed, {result.Phase.ErrorCount} errors");
            return result;
        }
    }
}
