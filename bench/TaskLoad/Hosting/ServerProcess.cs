using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TaskActors.TaskLoad.Hosting;

/// <summary>
/// A child process the benchmark runs (a server under test, or the Redis it keeps its state in): ready once it prints
/// a marker line, and killed by its PID when disposed (or, failing that, when this process exits).
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<int, Process> Running = new();
    private readonly Process _process;
    private readonly string _readyMarker;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _readyText;

    static ServerProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var process in Running.Values)
        {
            Kill(process);
        }
    };

    private ServerProcess(string name, Process process, string readyMarker)
    {
        Name = name;
        _process = process;
        _readyMarker = readyMarker;
    }

    public string Name { get; }

    public int Pid => _process.Id;

    /// <summary>What the ready line held after the marker (a server's endpoint URL).</summary>
    public string ReadyText => _readyText ?? throw new InvalidOperationException($"{Name} is not ready yet.");

    /// <summary>Throws, with the exit code and the last output, when the process has ended on its own.</summary>
    public void EnsureRunning()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"{Name} (pid {Pid}) exited with code {_process.ExitCode}. Its last output:\n{Output()}");
        }
    }

    /// <summary>CPU time the process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The process's resident memory now.</summary>
    public long WorkingSetBytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    /// <summary>Starts <paramref name="start"/>; returns once a line contains <paramref name="readyMarker"/> (what follows it is <see cref="ReadyText"/>).</summary>
    public static async Task<ServerProcess> StartAsync(string name, ProcessStartInfo start, string readyMarker, CancellationToken cancellationToken)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var server = new ServerProcess(name, Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start."), readyMarker);
        Running[server.Pid] = server._process;
        server._process.OutputDataReceived += (_, e) => server.OnLine(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.OnLine(e.Data);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        try
        {
            server._readyText = await server._ready.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>What the process wrote so far, for failure messages.</summary>
    public string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill(_process);
        await _process.WaitForExitAsync();
        Running.TryRemove(_process.Id, out _);
        _process.Dispose();
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited meanwhile.
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            _ready.TrySetException(new InvalidOperationException($"{Name} exited before it listened. Output:\n{Output()}"));
            return;
        }

        lock (_output)
        {
            // Keep the start-up and the last lines only; a benchmark must not grow memory with the server's log.
            if (_output.Length > 64 * 1024)
            {
                _output.Remove(0, _output.Length - (32 * 1024));
            }

            _output.AppendLine(line);
        }

        var at = line.IndexOf(_readyMarker, StringComparison.Ordinal);
        if (at >= 0)
        {
            _ready.TrySetResult(line[(at + _readyMarker.Length)..].Trim());
        }
    }
}
