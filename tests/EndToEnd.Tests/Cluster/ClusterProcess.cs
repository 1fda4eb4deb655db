using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using TaskActors.TestKit;

namespace TaskActors.EndToEnd.Tests.Cluster;

/// <summary>
/// One process of a local cluster: the real Silo binary (gateway co-hosted) or the real Gateway binary (a gateway of
/// its own), started on a loopback HTTP port with its environment, and stopped by its PID: SIGKILL (a crash) or
/// SIGTERM (a graceful stop, as Kubernetes does). Every line it writes is kept with the time it arrived, so a test can
/// date what a process logged more finely than its log's own second-resolution timestamps.
/// </summary>
public sealed class ClusterProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Process _process;
    private readonly List<LogLine> _lines = [];
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ClusterProcess(string name, ClusterProcessKind kind, int httpPort, int? siloPort, Process process)
    {
        Name = name;
        Kind = kind;
        HttpPort = httpPort;
        SiloPort = siloPort;
        _process = process;
    }

    /// <summary>The name the test gave it (<c>silo-1</c>, <c>gateway-2</c>), used in messages.</summary>
    public string Name { get; }

    /// <summary>A silo or a gateway.</summary>
    public ClusterProcessKind Kind { get; }

    /// <summary>The loopback HTTP port it listens on.</summary>
    public int HttpPort { get; }

    /// <summary>A silo's Orleans silo-to-silo port (part of its address, <c>S127.0.0.1:port:generation</c>); null for a gateway.</summary>
    public int? SiloPort { get; }

    /// <summary>Its HTTP base address, <c>http://127.0.0.1:port</c>.</summary>
    public string BaseUrl => $"http://127.0.0.1:{HttpPort.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The MCP endpoint URL it printed.</summary>
    public string McpUrl { get; private set; } = string.Empty;

    /// <summary>Its process id.</summary>
    public int Pid => _process.Id;

    /// <summary>Whether it has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Its exit code, once it has exited.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Everything it wrote so far (for failure messages and log parsing).</summary>
    public string Output
    {
        get
        {
            lock (_lines)
            {
                var text = new StringBuilder();
                foreach (var line in _lines)
                {
                    text.AppendLine(line.Text);
                }

                return text.ToString();
            }
        }
    }

    /// <summary>Every line it wrote so far, with the time each arrived here.</summary>
    public IReadOnlyList<LogLine> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Where the binary of <paramref name="kind"/> is, in this test build's configuration.</summary>
    public static string BinaryOf(ClusterProcessKind kind) => kind == ClusterProcessKind.Silo
        ? RepositoryPaths.SiloDll
        : Path.Combine(RepositoryPaths.Root, "src", "Gateway", "bin", typeof(ClusterProcess).Assembly.GetCustomAttribute<BuildConfigurationAttribute>()!.Configuration, "net10.0", "TaskActors.Gateway.dll");

    /// <summary>Starts the binary of <paramref name="kind"/> on <paramref name="httpPort"/> and waits until it prints its MCP endpoint.</summary>
    public static async Task<ClusterProcess> StartAsync(string name, ClusterProcessKind kind, int httpPort, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var binary = BinaryOf(kind);
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException($"The {kind} binary {binary} is not built.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { binary, "--urls", $"http://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(binary)!,
        };
        foreach (var (variable, value) in environment)
        {
            start.Environment[variable] = value;
        }

        int? siloPort = environment.TryGetValue("TaskActors__Cluster__SiloPort", out var port) ? int.Parse(port, CultureInfo.InvariantCulture) : null;
        var started = new ClusterProcess(name, kind, httpPort, siloPort, Process.Start(start)!);
        started._process.OutputDataReceived += (_, e) => started.OnLine(e.Data);
        started._process.ErrorDataReceived += (_, e) => started.OnLine(e.Data);
        started._process.BeginOutputReadLine();
        started._process.BeginErrorReadLine();
        try
        {
            started.McpUrl = await started._listening.Task.WaitAsync(StartLimit, cancellationToken);
            return started;
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException or InvalidOperationException)
        {
            await started.DisposeAsync();
            throw new InvalidOperationException($"{name} did not print its MCP endpoint within {StartLimit}. Output:\n{started.Output}", ex);
        }
    }

    /// <summary>Waits until its <c>/health/ready</c> answers 200: a silo active in membership, a gateway connected.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await Eventually.WaitUntilAsync(
            async () =>
            {
                if (HasExited)
                {
                    throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before it was ready. Output:\n{SiloLog.Tail(Output)}");
                }

                try
                {
                    using var response = await Http.GetAsync(new Uri(BaseUrl + "/health/ready"), cancellationToken);
                    return response.IsSuccessStatusCode;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    return false;
                }
            },
            $"{Name} answers /health/ready",
            timeout,
            cancellationToken);
    }

    /// <summary>Whether <paramref name="siloAddress"/> (as a silo prints it, <c>S127.0.0.1:port:generation</c>) is this silo's.</summary>
    public bool IsAddressOf(string? siloAddress) =>
        SiloPort is { } port && siloAddress is not null && siloAddress.Contains($":{port.ToString(CultureInfo.InvariantCulture)}:", StringComparison.Ordinal);

    /// <summary>Kills it with SIGKILL (no shutdown, no hand-over) and waits until it has exited.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>
    /// Sends SIGTERM (a graceful stop: the host stops, a silo hands its tasks over and leaves membership) and waits until
    /// it has exited; fails if it is still running after <paramref name="timeout"/>. Returns how long the stop took.
    /// </summary>
    public Task<TimeSpan> TerminateAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        GracefulStop.TerminateAsync(_process, Name, () => Output, timeout, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            _listening.TrySetException(new InvalidOperationException($"{Name} exited before listening. Output:\n{Output}"));
            return;
        }

        lock (_lines)
        {
            _lines.Add(new LogLine(DateTimeOffset.UtcNow, line));
        }

        const string marker = "MCP endpoint: ";
        var at = line.IndexOf(marker, StringComparison.Ordinal);
        if (at >= 0)
        {
            _listening.TrySetResult(line[(at + marker.Length)..].Trim());
        }
    }
}

/// <summary>Which binary a <see cref="ClusterProcess"/> runs.</summary>
public enum ClusterProcessKind
{
    /// <summary>src/Silo: an Orleans silo with the sample servers and the gateway co-hosted.</summary>
    Silo,

    /// <summary>src/Gateway: a gateway of its own, an Orleans client of the cluster.</summary>
    Gateway,
}

/// <summary>A line a process wrote, and when it arrived.</summary>
public sealed record LogLine(DateTimeOffset At, string Text);
