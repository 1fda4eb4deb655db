using System.Diagnostics;
using System.Reflection;
using System.Text;
using TaskActors.TestKit.Orleans;

namespace TaskActors.EndToEnd.Tests.Cluster;

/// <summary>
/// The real Gateway binary (a gateway of its own: an Orleans client of the cluster its environment names), started on
/// a free loopback port and killed by its PID. It is built with the Silo, which references it.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private GatewayProcess(Process process) => _process = process;

    /// <summary>Where the Gateway binary of this build configuration is.</summary>
    public static string GatewayDll => Path.Combine(
        RepositoryPaths.Root, "src", "Gateway", "bin", typeof(GatewayProcess).Assembly.GetCustomAttribute<BuildConfigurationAttribute>()!.Configuration, "net10.0", "TaskActors.Gateway.dll");

    /// <summary>The MCP endpoint URL the gateway printed.</summary>
    public string McpUrl { get; private set; } = string.Empty;

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

    /// <summary>Starts the gateway; <paramref name="environment"/> gets the port it will listen on and adds environment variables.</summary>
    public static async Task<GatewayProcess> StartAsync(Action<int, IDictionary<string, string?>> environment, CancellationToken cancellationToken)
    {
        if (!File.Exists(GatewayDll))
        {
            throw new InvalidOperationException($"The Gateway binary {GatewayDll} is not built.");
        }

        var port = FreePorts.Take(1)[0];
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { GatewayDll, "--urls", $"http://127.0.0.1:{port}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(GatewayDll)!,
        };
        environment(port, start.Environment);
        var gateway = new GatewayProcess(Process.Start(start)!);
        gateway._process.OutputDataReceived += (_, e) => gateway.OnLine(e.Data);
        gateway._process.ErrorDataReceived += (_, e) => gateway.OnLine(e.Data);
        gateway._process.BeginOutputReadLine();
        gateway._process.BeginErrorReadLine();
        try
        {
            gateway.McpUrl = await gateway._listening.Task.WaitAsync(StartLimit, cancellationToken);
            return gateway;
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            await gateway.DisposeAsync();
            throw new TimeoutException($"The gateway did not print its MCP endpoint within {StartLimit}. Output:\n{gateway.Output}", ex);
        }
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

    private void OnLine(string? line)
    {
        if (line is null)
        {
            _listening.TrySetException(new InvalidOperationException($"The gateway exited before listening. Output:\n{Output}"));
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
