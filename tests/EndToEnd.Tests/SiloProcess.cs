using System.Diagnostics;
using System.Globalization;
using System.Text;
using TaskActors.TestKit.Orleans;

namespace TaskActors.EndToEnd.Tests;

/// <summary>The real Silo binary (gateway co-hosted), started on a free loopback port and killed by its PID.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SiloProcess(Process process, int siloPort, int gatewayPort)
    {
        _process = process;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    /// <summary>The MCP endpoint URL the silo printed.</summary>
    public string McpUrl { get; private set; } = string.Empty;

    /// <summary>The process id of the silo.</summary>
    public int Pid => _process.Id;

    /// <summary>The Orleans silo-to-silo port (part of its silo address, <c>S127.0.0.1:port:generation</c>).</summary>
    public int SiloPort { get; }

    /// <summary>The Orleans port cluster clients connect to.</summary>
    public int GatewayPort { get; }

    /// <summary>Everything the process wrote so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Sends SIGTERM (a graceful stop) and waits until the silo has exited; fails if it is still running after
    /// <paramref name="timeout"/>. Returns how long the stop took.
    /// </summary>
    public Task<TimeSpan> TerminateAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        GracefulStop.TerminateAsync(_process, "the silo", () => Output, timeout, cancellationToken);

    /// <summary>Starts the silo; <paramref name="environment"/> gets the port it will listen on and adds environment variables.</summary>
    public static async Task<SiloProcess> StartAsync(CancellationToken cancellationToken, Action<int, IDictionary<string, string?>>? environment = null)
    {
        if (!File.Exists(RepositoryPaths.SiloDll))
        {
            throw new InvalidOperationException($"The Silo binary {RepositoryPaths.SiloDll} is not built.");
        }

        var ports = FreePorts.Take(3);
        var port = ports[0];
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { RepositoryPaths.SiloDll, "--urls", $"http://127.0.0.1:{port}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(RepositoryPaths.SiloDll)!,
            Environment =
            {
                // Each silo process of a test run has its own Orleans ports.
                ["TaskActors__Cluster__SiloPort"] = ports[1].ToString(CultureInfo.InvariantCulture),
                ["TaskActors__Cluster__GatewayPort"] = ports[2].ToString(CultureInfo.InvariantCulture),
            },
        };
        environment?.Invoke(port, start.Environment);
        var silo = new SiloProcess(Process.Start(start)!, PortOf(start, "TaskActors__Cluster__SiloPort"), PortOf(start, "TaskActors__Cluster__GatewayPort"));
        silo._process.OutputDataReceived += (_, e) => silo.OnLine(e.Data);
        silo._process.ErrorDataReceived += (_, e) => silo.OnLine(e.Data);
        silo._process.BeginOutputReadLine();
        silo._process.BeginErrorReadLine();
        try
        {
            silo.McpUrl = await silo._listening.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
            return silo;
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            await silo.DisposeAsync();
            throw new TimeoutException($"The silo did not print its MCP endpoint within 60 s. Output:\n{silo.Output}", ex);
        }
    }

    /// <summary>Kills the silo with SIGKILL (no graceful shutdown, no hand-over) and waits until it has exited.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    // The ports the silo was started with, after the caller's environment had its say.
    private static int PortOf(ProcessStartInfo start, string variable) => int.Parse(start.Environment[variable]!, CultureInfo.InvariantCulture);

    private void OnLine(string? line)
    {
        if (line is null)
        {
            _listening.TrySetException(new InvalidOperationException($"The silo exited before listening. Output:\n{Output}"));
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        const string marker = "MCP endpoint: ";
        var at = line.IndexOf(marker, StringComparison.Ordinal);
        if (at >= 0)
        {
            _listening.TrySetResult(line[(at + marker.Length)..].Trim());
        }
    }
}
