using System.Diagnostics;
using System.Globalization;

namespace TaskActors.TaskLoad.Hosting;

/// <summary>Starts each server under test the way its own run command does, on free loopback ports.</summary>
internal static class ServerLauncher
{
    /// <summary>
    /// Settings the benchmark gives the Silo: the counters endpoint it reads storage and grain-call counts from, and
    /// per-scope limits no client reaches (the defaults, 50 task creations and 1000 task operations a second per scope,
    /// would throttle a single fast client, whose anonymous requestor is its own session; and one that keeps a task for
    /// each iteration until its ttl ends passes 1000 kept tasks within seconds, when every creation would get -32054).
    /// </summary>
    public static readonly IReadOnlyList<string> SiloSettings =
    [
        "TaskActors:Diagnostics:Counters=true",
        "TaskActors:Tasks:MaxTaskCreationsPerSecond=1000000",
        "TaskActors:Gateway:TaskOperationsPerSecond=1000000",
        "TaskActors:Tasks:MaxKeptTasksPerRequestor=100000000",
        "TaskActors:Tasks:MaxStoredBytesPerRequestor=1000000000000",
    ];

    public static async Task<ServerUnderTest> StartAsync(ServerKind kind, LoadSettings settings, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case ServerKind.Embedded:
                return await StartSiloAsync(kind, settings, redis: null, cancellationToken);
            case ServerKind.Redis:
                var redis = await RedisServer.StartAsync(settings.RedisServer, cancellationToken);
                try
                {
                    return await StartSiloAsync(kind, settings, redis, cancellationToken);
                }
                catch
                {
                    await redis.DisposeAsync();
                    throw;
                }

            case ServerKind.TypeScript:
                var process = await StartTypeScriptAsync(cancellationToken);
                return new ServerUnderTest(kind, process, new Uri(process.ReadyText), redis: null);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    /// <summary>
    /// The Silo binary on free HTTP, silo and gateway ports (never the defaults, which tests or a developer's silo on
    /// the same machine may hold), in the embedded default or, given <paramref name="redis"/>, in cluster mode on it.
    /// </summary>
    private static async Task<ServerUnderTest> StartSiloAsync(ServerKind kind, LoadSettings settings, RedisServer? redis, CancellationToken cancellationToken)
    {
        var dll = RepositoryPaths.SiloDll(settings.Configuration);
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is not built; run `dotnet build src/Silo -c {settings.Configuration}` first (bench/run-task-bench.sh does).");
        }

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{ServerProcess.FreePort()}"));
        var siloPort = ServerProcess.FreePort();
        var gatewayPort = ServerProcess.FreePort();
        while (gatewayPort == siloPort)
        {
            gatewayPort = ServerProcess.FreePort();
        }

        List<string> own =
        [
            .. SiloSettings,
            string.Create(CultureInfo.InvariantCulture, $"TaskActors:Cluster:SiloPort={siloPort}"),
            string.Create(CultureInfo.InvariantCulture, $"TaskActors:Cluster:GatewayPort={gatewayPort}"),
        ];
        if (redis is not null)
        {
            own.Add($"TaskActors:Cluster:Redis={redis.ConnectionString}");
        }

        foreach (var setting in own.Concat(settings.SiloSettings))
        {
            start.ArgumentList.Add("--" + setting);
        }

        var process = await ServerProcess.StartAsync(kind == ServerKind.Redis ? "TaskActors (Redis)" : "TaskActors (embedded)", start, "MCP endpoint: ", cancellationToken);
        return new ServerUnderTest(kind, process, new Uri(process.ReadyText), redis);
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
