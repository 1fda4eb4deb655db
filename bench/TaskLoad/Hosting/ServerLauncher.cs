using System.Diagnostics;
using System.Globalization;

namespace TaskActors.TaskLoad.Hosting;

/// <summary>Starts each server under test the way its own run command does, on a free loopback port.</summary>
internal static class ServerLauncher
{
    /// <summary>
    /// Settings the benchmark gives the Silo: the counters endpoint it reads storage writes from, and per-scope limits no
    /// client reaches (the defaults, 50 task creations and 1000 task operations a second per scope, would throttle a
    /// single fast client, whose anonymous requestor is its own session).
    /// </summary>
    public static readonly IReadOnlyList<string> SiloSettings =
    [
        "TaskActors:Diagnostics:Counters=true",
        "TaskActors:Tasks:MaxTaskCreationsPerSecond=1000000",
        "TaskActors:Gateway:TaskOperationsPerSecond=1000000",
    ];

    public static Task<ServerProcess> StartAsync(ServerKind kind, LoadSettings settings, CancellationToken cancellationToken) => kind switch
    {
        ServerKind.TaskActors => StartSiloAsync(settings, cancellationToken),
        ServerKind.TypeScript => StartTypeScriptAsync(cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static Task<ServerProcess> StartSiloAsync(LoadSettings settings, CancellationToken cancellationToken)
    {
        var dll = RepositoryPaths.SiloDll(settings.Configuration);
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is not built; run `dotnet build TaskActors.sln -c {settings.Configuration}` first (bench/run-task-bench.sh does).");
        }

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{ServerProcess.FreePort()}"));
        foreach (var setting in SiloSettings.Concat(settings.SiloSettings))
        {
            start.ArgumentList.Add("--" + setting);
        }

        return ServerProcess.StartAsync("TaskActors", start, "MCP endpoint: ", cancellationToken);
    }

    private static Task<ServerProcess> StartTypeScriptAsync(CancellationToken cancellationToken)
    {
        var directory = RepositoryPaths.TsBaselineDirectory;
        if (!File.Exists(RepositoryPaths.Node) || !Directory.Exists(Path.Combine(directory, "node_modules", "@modelcontextprotocol", "sdk")))
        {
            throw new InvalidOperationException($"The TypeScript baseline is not installed; run `npm ci` in {directory} (bench/run-task-bench.sh does).");
        }

        var start = new ProcessStartInfo(RepositoryPaths.Node) { WorkingDirectory = directory };
        start.ArgumentList.Add("ts-task-server.mjs");
        start.ArgumentList.Add(ServerProcess.FreePort().ToString(CultureInfo.InvariantCulture));
        return ServerProcess.StartAsync("TS SDK", start, "TS SDK task server on ", cancellationToken);
    }
}
