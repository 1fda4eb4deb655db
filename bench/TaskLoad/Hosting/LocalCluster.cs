using System.Collections.Concurrent;
using System.Globalization;

namespace TaskActors.TaskLoad.Hosting;

/// <summary>
/// A local cluster on fresh processes: scripts/local-cluster.sh (<c>up --gateways 0 --no-build</c> with a run directory
/// and base port of its own, later <c>down</c>) starts a redis-server with AOF fsynced every second and N silos from
/// the Release build and waits until each is ready; then the M gateways start as the script would start them
/// (<see cref="GatewayProcess"/>), so that each one's Orleans client knows every silo from the start. The benchmark's
/// settings reach every process as <c>TaskActors__*</c> environment variables. The run directory (logs, AOF) is
/// deleted at the end, and kept, with its path printed, when a process died.
/// </summary>
internal sealed class LocalCluster : ILoadTarget
{
    private static readonly ConcurrentDictionary<LocalCluster, byte> Running = new();
    private readonly LocalClusterScript _script;
    private readonly string _runDirectory;
    private readonly int _basePort;
    private readonly List<GatewayProcess> _gateways = [];
    private IReadOnlyList<ClusterMember> _members = [];
    private bool _keepRunDirectory;

    static LocalCluster() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var cluster in Running.Keys)
        {
            foreach (var gateway in cluster._gateways)
            {
                gateway.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5));
            }

            cluster._script.Run(TimeSpan.FromSeconds(30), "down");
        }
    };

    private LocalCluster(ClusterShape shape, int basePort, LocalClusterScript script)
    {
        Cluster = shape;
        _basePort = basePort;
        _runDirectory = script.RunDirectory;
        _script = script;
    }

    public ServerKind Kind => ServerKind.Cluster;

    public ClusterShape? Cluster { get; }

    public string Description =>
        $"{Cluster!.Value.Name} up (base port {_basePort}, run directory {_runDirectory}): "
        + string.Join(", ", _members.Select(m => $"{m.Name} pid {m.Pid}"));

    public IReadOnlyList<Uri> McpUrls =>
        [.. (Cluster!.Value.Gateways > 0 ? Role(ClusterMember.GatewayRole) : Role(ClusterMember.SiloRole)).Select(m => new Uri(m.Url + "/mcp"))];

    public IReadOnlyList<Uri> SiloUrls => [.. Role(ClusterMember.SiloRole).Select(m => new Uri(m.Url))];

    public int? RedisPort => _basePort;

    /// <summary>Starts a cluster of <paramref name="shape"/> on free ports; returns once every process is ready.</summary>
    public static async Task<LocalCluster> StartAsync(ClusterShape shape, LoadSettings settings, CancellationToken cancellationToken)
    {
        foreach (var dll in new[] { RepositoryPaths.SiloDll("Release"), RepositoryPaths.GatewayDll("Release") })
        {
            if (!File.Exists(dll))
            {
                throw new InvalidOperationException($"{dll} is not built; run `dotnet build src/Silo -c Release` and `dotnet build src/Gateway -c Release` first (bench/run-task-bench.sh does).");
            }
        }

        var runDirectory = Directory.CreateTempSubdirectory("taskload-cluster-").FullName;
        var basePort = ClusterPorts.ChooseBase(shape);
        var cluster = new LocalCluster(shape, basePort, LocalClusterScript.For(runDirectory, settings));
        Running[cluster] = 0;
        try
        {
            var exitCode = await cluster._script.RunAsync(
                cancellationToken, "up", "--silos", shape.Silos.ToString(CultureInfo.InvariantCulture), "--gateways", "0", "--base-port", basePort.ToString(CultureInfo.InvariantCulture), "--no-build");
            if (exitCode != 0)
            {
                cluster._keepRunDirectory = true;
                throw new InvalidOperationException($"scripts/local-cluster.sh up failed for {shape} (exit code {exitCode}); kept {runDirectory}. It printed:\n{cluster._script.Output()}");
            }

            cluster._members = ClusterMember.ReadTable(Path.Combine(runDirectory, "cluster.tsv"));
            var gateways = Enumerable.Range(1, shape.Gateways)
                .Select(j => GatewayProcess.StartAsync(j, basePort, cluster._script, cancellationToken))
                .ToList();
            try
            {
                await Task.WhenAll(gateways);
            }
            finally
            {
                cluster._gateways.AddRange(gateways.Where(g => g.IsCompletedSuccessfully).Select(g => g.Result));
            }

            cluster._members = [.. cluster._members, .. cluster._gateways.Select(g => g.Member)];
            cluster.EnsureRunning();
            return cluster;
        }
        catch (Exception ex)
        {
            cluster._keepRunDirectory |= ex is not OperationCanceledException;
            await cluster.DisposeAsync();
            throw;
        }
    }

    public TargetCpu CpuTime() => new(
        Role(ClusterMember.SiloRole).Aggregate(TimeSpan.Zero, (sum, m) => sum + m.Usage().Cpu),
        Role(ClusterMember.GatewayRole).Aggregate(TimeSpan.Zero, (sum, m) => sum + m.Usage().Cpu));

    public long WorkingSetBytes() => Processes().Sum(m => m.Usage().RssBytes);

    public void EnsureRunning()
    {
        if (_members.Count != 1 + Cluster!.Value.Silos + Cluster.Value.Gateways)
        {
            throw new InvalidOperationException($"Cluster {Cluster} has {_members.Count} processes (see {Path.Combine(_runDirectory, "cluster.tsv")}), not its silos, gateways and Redis.");
        }

        if (_members.FirstOrDefault(m => !m.IsAlive) is { } dead)
        {
            _keepRunDirectory = true;
            throw new InvalidOperationException($"{dead.Name} (pid {dead.Pid}) of cluster {Cluster} exited; logs kept in {_runDirectory}. The end of its log:\n{dead.LogTail()}");
        }
    }

    public string Output() => string.Join('\n', Processes().Select(m => $"--- {m.Name} ({m.Log}):\n{m.LogTail()}"));

    public async ValueTask DisposeAsync()
    {
        if (!Running.TryRemove(this, out _))
        {
            return;
        }

        // Gateways first, Redis last (the script's order); the script stops its processes with SIGTERM, SIGKILL after 15 s.
        foreach (var gateway in _gateways)
        {
            await gateway.DisposeAsync();
        }

        await _script.RunAsync(CancellationToken.None, "down");

        if (_keepRunDirectory)
        {
            Console.Error.WriteLine($"Kept the cluster's logs in {_runDirectory}.");
            return;
        }

        try
        {
            Directory.Delete(_runDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temporary directory; nothing depends on it.
        }
    }

    private IEnumerable<ClusterMember> Role(string role) => _members.Where(m => m.Role == role);

    private IEnumerable<ClusterMember> Processes() => _members.Where(m => m.Role != ClusterMember.RedisRole);
}
