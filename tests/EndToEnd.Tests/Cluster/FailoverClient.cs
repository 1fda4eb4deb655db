using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TaskActors.EndToEnd.Tests.Cluster;

/// <summary>
/// tests/e2e/failover-client.mjs (the official TS SDK client) running against a gateway: it starts the tasks, says
/// <c>STARTED</c>, polls them until they are terminal and prints one <c>TASK</c> line each. Lines are read as they come,
/// so the test can act between the start and the end.
/// </summary>
public sealed class FailoverClient : IAsyncDisposable
{
    private const string StartedPrefix = "STARTED ";
    private const string TaskPrefix = "TASK ";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _taskLines = [];

    private FailoverClient(Process process) => _process = process;

    /// <summary>Everything the script printed so far (for failure messages).</summary>
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

    /// <summary>Starts the script: <paramref name="count"/> tasks of <paramref name="seconds"/> each, one session per token.</summary>
    public static FailoverClient Start(string url, int count, double seconds, TimeSpan deadline, IEnumerable<string> tokens)
    {
        RepositoryPaths.RequireNodePackages();
        var start = new ProcessStartInfo(RepositoryPaths.Node22)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.E2eDirectory,
            ArgumentList =
            {
                "failover-client.mjs",
                url,
                count.ToString(CultureInfo.InvariantCulture),
                seconds.ToString(CultureInfo.InvariantCulture),
                ((int)deadline.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            },
        };
        foreach (var token in tokens)
        {
            start.ArgumentList.Add(token);
        }

        var client = new FailoverClient(Process.Start(start)!);
        client._process.OutputDataReceived += (_, e) => client.OnLine(e.Data);
        client._process.ErrorDataReceived += (_, e) => client.OnLine(e.Data);
        client._process.BeginOutputReadLine();
        client._process.BeginErrorReadLine();
        return client;
    }

    /// <summary>Waits until every task was created and seen working; returns them in the order they were started.</summary>
    public async Task<IReadOnlyList<StartedTask>> WaitUntilStartedAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        string json;
        try
        {
            json = await _started.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"failover-client.mjs did not start its tasks within {timeout}. Output:\n{Output}", ex);
        }

        return JsonSerializer.Deserialize<List<StartedTask>>(json, Json)!;
    }

    /// <summary>Waits until the script has polled every task to its end and reported it; returns the reports.</summary>
    public async Task<IReadOnlyList<ObservedTask>> WaitForReportsAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await _process.WaitForExitAsync(cancellationToken).WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"failover-client.mjs did not finish within {timeout}. Output:\n{Output}", ex);
        }

        // The exit is seen before the last lines are read: wait for the end of both streams.
        _process.WaitForExit();
        if (_process.ExitCode != 0)
        {
            throw new InvalidOperationException($"failover-client.mjs exited {_process.ExitCode}. Output:\n{Output}");
        }

        lock (_output)
        {
            return [.. _taskLines.Select(line => JsonSerializer.Deserialize<ObservedTask>(line, Json)!)];
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
            _started.TrySetException(new InvalidOperationException($"failover-client.mjs ended before it started its tasks. Output:\n{Output}"));
            return;
        }

        lock (_output)
        {
            if (line.StartsWith(TaskPrefix, StringComparison.Ordinal))
            {
                _taskLines.Add(line[TaskPrefix.Length..]);
            }

            _output.AppendLine(line);
        }

        if (line.StartsWith(StartedPrefix, StringComparison.Ordinal))
        {
            _started.TrySetResult(line[StartedPrefix.Length..]);
        }
    }
}
