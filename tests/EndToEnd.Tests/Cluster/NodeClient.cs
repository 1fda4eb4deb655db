using System.Diagnostics;
using System.Text;

namespace TaskActors.EndToEnd.Tests.Cluster;

/// <summary>
/// A Node script of tests/e2e (an MCP client on the official TS SDK) running beside the test: its lines are read as they
/// come, so the test can wait for a line that marks a phase and act between phases; it takes commands on its stdin.
/// </summary>
public sealed class NodeClient : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _script;
    private readonly List<string> _lines = [];
    private readonly List<(string Prefix, TaskCompletionSource<string> Seen)> _waits = [];
    private int _closedStreams;

    private NodeClient(Process process, string script)
    {
        _process = process;
        _script = script;
    }

    /// <summary>Everything the script printed so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    /// <summary>Starts <c>node tests/e2e/<paramref name="script"/> <paramref name="arguments"/></c> with the bundled Node 22.</summary>
    public static NodeClient Start(string script, IEnumerable<string> arguments)
    {
        RepositoryPaths.RequireNodePackages();
        var start = new ProcessStartInfo(RepositoryPaths.Node22)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = RepositoryPaths.E2eDirectory,
            ArgumentList = { script },
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var client = new NodeClient(Process.Start(start)!, script);
        client._process.OutputDataReceived += (_, e) => client.OnLine(e.Data);
        client._process.ErrorDataReceived += (_, e) => client.OnLine(e.Data);
        client._process.BeginOutputReadLine();
        client._process.BeginErrorReadLine();
        return client;
    }

    /// <summary>Waits for the first line that starts with <paramref name="prefix"/> (printed before or after this call); returns the rest of it.</summary>
    public async Task<string> WaitForLineAsync(string prefix, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task<string> seen;
        lock (_lines)
        {
            if (_lines.FirstOrDefault(line => line.StartsWith(prefix, StringComparison.Ordinal)) is { } line)
            {
                return line[prefix.Length..];
            }

            if (_closedStreams == 2)
            {
                throw new InvalidOperationException($"{_script} ended without printing '{prefix}'. Output:\n{Output}");
            }

            var wait = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waits.Add((prefix, wait));
            seen = wait.Task;
        }

        try
        {
            return await seen.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{_script} did not print '{prefix}' within {timeout}. Output:\n{Output}", ex);
        }
    }

    /// <summary>Every line so far that starts with <paramref name="prefix"/>, without it.</summary>
    public IReadOnlyList<string> LinesStartingWith(string prefix)
    {
        lock (_lines)
        {
            return [.. _lines.Where(line => line.StartsWith(prefix, StringComparison.Ordinal)).Select(line => line[prefix.Length..])];
        }
    }

    /// <summary>Writes one command line to the script's stdin.</summary>
    public async Task SendAsync(string command)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Waits until the script exits and every line it printed was read; fails unless it exits 0.</summary>
    public async Task WaitForSuccessAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await _process.WaitForExitAsync(cancellationToken).WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{_script} did not finish within {timeout}. Output:\n{Output}", ex);
        }

        // The exit is seen before the last lines are read: wait for the end of both streams.
        _process.WaitForExit();
        if (_process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{_script} exited {_process.ExitCode}. Output:\n{Output}");
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
        lock (_lines)
        {
            if (line is null)
            {
                // Both stdout and stderr end with a null line; only after both can no awaited line come any more.
                if (++_closedStreams == 2)
                {
                    foreach (var (prefix, wait) in _waits)
                    {
                        wait.TrySetException(new InvalidOperationException($"{_script} closed its output without printing '{prefix}'. Output:\n{string.Join('\n', _lines)}"));
                    }

                    _waits.Clear();
                }

                return;
            }

            _lines.Add(line);
            foreach (var wait in _waits.Where(w => line.StartsWith(w.Prefix, StringComparison.Ordinal)).ToList())
            {
                wait.Seen.TrySetResult(line[wait.Prefix.Length..]);
                _waits.Remove(wait);
            }
        }
    }
}
