using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;
using TaskActors.TestKit.Orleans;
using TaskActors.TestKit.Redis;

namespace TaskActors.EndToEnd.Tests.Cluster;

/// <summary>
/// A cluster in production shape, from the real binaries: its own <c>redis-server</c> (AOF on), N silo processes sharing
/// one token-protection key, and M gateway processes of their own in JWT mode, trusting a dev signing key made with the
/// <c>taskactors</c> CLI. Every gateway replica takes tokens for one shared audience, as replicas behind one load
/// balancer do. Silos and gateways are kept by slot: a slot's process can be killed, stopped and started again on the
/// same ports. The test's own clients get tokens from <see cref="MintAsync"/>.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    /// <summary>The dev tokens' issuer.</summary>
    public const string Issuer = "https://dev.taskactors.local";

    /// <summary>The OAuth client the dev tokens are minted for.</summary>
    public const string ClientId = "e2e-client";

    /// <summary>The resource every gateway replica serves, the audience of the dev tokens.</summary>
    public const string Audience = "http://taskactors.test/mcp";

    private readonly DirectoryInfo _keys;
    private readonly ClusterProcess?[] _silos;
    private readonly ClusterProcess?[] _gateways;
    private readonly Dictionary<string, string>[] _siloEnvironments;
    private readonly Dictionary<string, string>[] _gatewayEnvironments;
    private readonly int[] _siloHttpPorts;
    private readonly int[] _gatewayHttpPorts;
    private readonly bool _fsyncAlways;
    private readonly List<ClusterProcess> _retired = [];

    private LocalCluster(RedisServer redis, DirectoryInfo keys, LocalClusterOptions options)
    {
        Redis = redis;
        _keys = keys;
        _fsyncAlways = options.AppendFsyncAlways;
        _silos = new ClusterProcess?[options.Silos];
        _gateways = new ClusterProcess?[options.Gateways];
        var tokenKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        _siloHttpPorts = new int[options.Silos];
        _siloEnvironments = new Dictionary<string, string>[options.Silos];
        for (var i = 0; i < options.Silos; i++)
        {
            var ports = FreePorts.Take(3);
            _siloHttpPorts[i] = ports[0];
            _siloEnvironments[i] = new Dictionary<string, string>(options.Settings, StringComparer.Ordinal)
            {
                ["TaskActors__Cluster__Redis"] = redis.ConnectionString,
                ["TaskActors__Cluster__SiloPort"] = ports[1].ToString(CultureInfo.InvariantCulture),
                ["TaskActors__Cluster__GatewayPort"] = ports[2].ToString(CultureInfo.InvariantCulture),

                // The silo that re-drives a task must read the access token another silo encrypted.
                ["TaskActors__TokenProtection__CurrentKeyId"] = "cluster",
                ["TaskActors__TokenProtection__Keys__cluster"] = tokenKey,
            };
        }

        _gatewayHttpPorts = FreePorts.Take(options.Gateways);
        _gatewayEnvironments = new Dictionary<string, string>[options.Gateways];
        for (var i = 0; i < options.Gateways; i++)
        {
            _gatewayEnvironments[i] = new Dictionary<string, string>(options.Settings, StringComparer.Ordinal)
            {
                ["TaskActors__Cluster__Redis"] = redis.ConnectionString,
                ["TaskActors__Auth__Mode"] = "Jwt",
                ["TaskActors__Auth__Issuer"] = Issuer,
                ["TaskActors__Auth__Audience"] = Audience,
                ["TaskActors__Auth__JwksFile"] = Path.Combine(keys.FullName, "dev-jwks.json"),
            };
        }
    }

    /// <summary>The cluster's redis-server.</summary>
    public RedisServer Redis { get; }

    /// <summary>The silo processes by slot (a slot is null while its silo is down).</summary>
    public IReadOnlyList<ClusterProcess?> Silos => _silos;

    /// <summary>The gateway processes by slot (a slot is null while its gateway is down).</summary>
    public IReadOnlyList<ClusterProcess?> Gateways => _gateways;

    /// <summary>The MCP URLs of the gateway processes, by slot.</summary>
    public IReadOnlyList<string> GatewayUrls => [.. _gatewayHttpPorts.Select(port => $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/mcp")];

    /// <summary>Every silo process this cluster started, also those since stopped or killed (their logs count too).</summary>
    public IEnumerable<ClusterProcess> AllSiloProcesses => _retired.Where(p => p.Kind == ClusterProcessKind.Silo).Concat(_silos.OfType<ClusterProcess>());

    /// <summary>Starts Redis, then every silo, then every gateway, and waits until each is ready.</summary>
    public static async Task<LocalCluster> StartAsync(LocalClusterOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var redis = await RedisServer.StartAsync(appendOnly: true, cancellationToken);
        var keys = Directory.CreateTempSubdirectory("taskactors-cluster-keys-");
        var cluster = new LocalCluster(redis, keys, options);
        try
        {
            await cluster.SetAppendFsyncAsync();
            await CliProcess.RunAsync(["dev-key", "create", "--dir", keys.FullName], cancellationToken);
            await Task.WhenAll(Enumerable.Range(0, options.Silos).Select(slot => cluster.StartSiloAsync(slot, cancellationToken)));
            await Task.WhenAll(Enumerable.Range(0, options.Gateways).Select(slot => cluster.StartGatewayAsync(slot, cancellationToken)));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Mints a dev access token for <paramref name="subject"/> (of <see cref="ClientId"/>, for <see cref="Audience"/>).</summary>
    public Task<string> MintAsync(string subject, CancellationToken cancellationToken) =>
        CliProcess.RunAsync(["token", "mint", "--dir", _keys.FullName, "--client-id", ClientId, "--sub", subject, "--issuer", Issuer, "--audience", Audience], cancellationToken);

    /// <summary>Starts the silo of <paramref name="slot"/> (again) on its ports and waits until membership has it active.</summary>
    public async Task<ClusterProcess> StartSiloAsync(int slot, CancellationToken cancellationToken)
    {
        if (_silos[slot] is { HasExited: false } running)
        {
            throw new InvalidOperationException($"{running.Name} is still running (pid {running.Pid}).");
        }

        var silo = await ClusterProcess.StartAsync($"silo-{slot + 1}", ClusterProcessKind.Silo, _siloHttpPorts[slot], _siloEnvironments[slot], cancellationToken);
        Replace(_silos, slot, silo);
        await silo.WaitReadyAsync(TimeSpan.FromSeconds(90), cancellationToken);
        return silo;
    }

    /// <summary>Starts the gateway of <paramref name="slot"/> (again) on its port and waits until its cluster client is connected.</summary>
    public async Task<ClusterProcess> StartGatewayAsync(int slot, CancellationToken cancellationToken)
    {
        var gateway = await ClusterProcess.StartAsync($"gateway-{slot + 1}", ClusterProcessKind.Gateway, _gatewayHttpPorts[slot], _gatewayEnvironments[slot], cancellationToken);
        Replace(_gateways, slot, gateway);
        await gateway.WaitReadyAsync(TimeSpan.FromSeconds(90), cancellationToken);
        return gateway;
    }

    /// <summary>
    /// Starts Redis again on its port and data directory after <see cref="RedisServer.KillAsync"/>, with the same
    /// <c>appendfsync</c> as before.
    /// </summary>
    public async Task RestartRedisAsync(CancellationToken cancellationToken)
    {
        await Redis.RestartAsync(cancellationToken);
        await SetAppendFsyncAsync();
    }

    /// <summary>The last lines of every process's output, for failure messages.</summary>
    public string Describe(int lines = 60)
    {
        var text = new StringBuilder();
        foreach (var process in _retired.Concat(_silos.OfType<ClusterProcess>()).Concat(_gateways.OfType<ClusterProcess>()))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"--- {process.Name} (pid {process.Pid}, {(process.HasExited ? "exited" : "running")}) ---");
            text.AppendLine(SiloLog.Tail(process.Output, lines));
        }

        return text.ToString();
    }

    /// <summary>Writes every process's whole output to <c>&lt;name&gt;-&lt;pid&gt;.log</c> files in <paramref name="directory"/>.</summary>
    public void SaveLogs(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var process in _retired.Concat(_silos.OfType<ClusterProcess>()).Concat(_gateways.OfType<ClusterProcess>()))
        {
            File.WriteAllText(Path.Combine(directory, $"{process.Name}-{process.Pid.ToString(CultureInfo.InvariantCulture)}.log"), process.Output);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _gateways.OfType<ClusterProcess>().Concat(_silos.OfType<ClusterProcess>()).Concat(_retired))
        {
            await process.DisposeAsync();
        }

        await Redis.DisposeAsync();
        _keys.Delete(recursive: true);
    }

    private void Replace(ClusterProcess?[] slots, int slot, ClusterProcess process)
    {
        if (slots[slot] is { } previous)
        {
            _retired.Add(previous);
        }

        slots[slot] = process;
    }

    /// <summary>
    /// Sets <c>appendfsync always</c> when asked: Redis then fsyncs its AOF before it answers a write, so a write it
    /// acknowledged survives a SIGKILL (the test fixture starts it with <c>everysec</c>).
    /// </summary>
    private async Task SetAppendFsyncAsync()
    {
        if (!_fsyncAlways)
        {
            return;
        }

        var options = ConfigurationOptions.Parse(Redis.ConnectionString);
        options.AllowAdmin = true;
        await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
        await connection.GetServers()[0].ConfigSetAsync("appendfsync", "always");
    }
}

/// <summary>The shape of a <see cref="LocalCluster"/>.</summary>
/// <param name="Silos">How many silo processes.</param>
/// <param name="Gateways">How many gateway processes.</param>
public sealed record LocalClusterOptions(int Silos, int Gateways)
{
    /// <summary>Whether Redis runs with <c>appendfsync always</c> (else <c>everysec</c>).</summary>
    public bool AppendFsyncAlways { get; init; }

    /// <summary>Environment variables for every silo and gateway (<c>TaskActors__…</c> settings).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}
