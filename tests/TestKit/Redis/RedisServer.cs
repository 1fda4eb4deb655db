using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace TaskActors.TestKit.Redis;

/// <summary>
/// A real <c>redis-server</c> process of a test's own, on a free loopback port, with its data directory in a temp
/// folder. It never skips: a machine without <c>redis-server</c> on its PATH fails the test with a message that says so.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private const int StartAttempts = 3;
    private const int KeptOutputLines = 200;

    private readonly Lock _outputLock = new();
    private readonly Queue<string> _output = new();
    private readonly bool _appendOnly;
    private Process? _process;

    private RedisServer(int port, string dataDirectory, bool appendOnly)
    {
        Port = port;
        DataDirectory = dataDirectory;
        _appendOnly = appendOnly;
    }

    /// <summary>The loopback port it listens on (kept across <see cref="RestartAsync"/>).</summary>
    public int Port { get; }

    /// <summary>The StackExchange.Redis connection string of the server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The process id of the running server.</summary>
    public int Pid => _process?.Id ?? throw new InvalidOperationException("The Redis server is not running.");

    /// <summary>The temp folder the server keeps its files in (its AOF, when on); deleted on dispose.</summary>
    public string DataDirectory { get; }

    /// <summary>
    /// Starts a server and waits until it answers PING. Snapshots are off; with <paramref name="appendOnly"/> it writes
    /// an AOF with <c>appendfsync everysec</c> into <see cref="DataDirectory"/>, so a server killed and then restarted
    /// with <see cref="RestartAsync"/> comes back with what it acknowledged.
    /// </summary>
    public static async Task<RedisServer> StartAsync(bool appendOnly = false, CancellationToken cancellationToken = default)
    {
        var binary = FindBinary();
        var dataDirectory = Directory.CreateTempSubdirectory("taskactors-redis-").FullName;
        Exception? lastFailure = null;
        for (var attempt = 0; attempt < StartAttempts; attempt++)
        {
            // Another process may take the free port between our probe and redis-server's bind: then try another one.
            var server = new RedisServer(FreePort(), dataDirectory, appendOnly);
            try
            {
                await server.LaunchAsync(binary, cancellationToken).ConfigureAwait(false);
                return server;
            }
            catch (RedisServerStartException ex)
            {
                lastFailure = ex;
                await server.StopAsync().ConfigureAwait(false);
            }
            catch
            {
                await server.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        Directory.Delete(dataDirectory, recursive: true);
        throw new InvalidOperationException($"redis-server did not start after {StartAttempts} attempts.", lastFailure);
    }

    /// <summary>Starts the server again on the same port and data directory (after <see cref="KillAsync"/>).</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        if (_process is not null)
        {
            throw new InvalidOperationException($"The Redis server on port {Port} is still running (pid {_process.Id}): kill it first.");
        }

        await LaunchAsync(FindBinary(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Kills the server with SIGKILL, by its process id, and waits until it has exited.</summary>
    public Task KillAsync() => StopAsync();

    /// <summary>Kills the server and deletes its data directory.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    private async Task LaunchAsync(string binary, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = DataDirectory,
        };
        string[] arguments =
        [
            "--port", Port.ToString(CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--dir", DataDirectory,
            "--save", string.Empty,
            "--appendonly", _appendOnly ? "yes" : "no",
            "--appendfsync", "everysec",
            "--daemonize", "no",
            "--logfile", string.Empty,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Start();
        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitForPingAsync(process, cancellationToken).ConfigureAwait(false);
    }

    private async Task WaitForPingAsync(Process process, CancellationToken cancellationToken)
    {
        var limit = TestTimeouts.Default;
        var started = TimeProvider.System.GetTimestamp();
        var configuration = new ConfigurationOptions
        {
            EndPoints = { new IPEndPoint(IPAddress.Loopback, Port) },
            AbortOnConnectFail = true,
            ConnectRetry = 0,
            ConnectTimeout = 1_000,
        };
        Exception? lastFailure = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new RedisServerStartException($"redis-server on port {Port} exited with code {process.ExitCode} before answering PING. Its output:\n{Output()}", lastFailure);
            }

            try
            {
                await using var connection = await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
                await connection.GetDatabase().PingAsync().ConfigureAwait(false);
                return;
            }
            catch (RedisException ex)
            {
                lastFailure = ex;
            }

            if (TimeProvider.System.GetElapsedTime(started) > limit)
            {
                throw new TimeoutException($"redis-server on port {Port} (pid {process.Id}) did not answer PING within {limit}. Its output:\n{Output()}", lastFailure);
            }

            // Polling between connection attempts: the server announces readiness only by accepting connections.
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task StopAsync()
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        using (process)
        {
            if (!process.HasExited)
            {
                // Process.Kill sends SIGKILL to this pid on Unix: no shutdown, no final AOF rewrite.
                process.Kill(entireProcessTree: false);
            }

            using var timeout = new CancellationTokenSource(TestTimeouts.Default);
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_outputLock)
        {
            _output.Enqueue(line);
            if (_output.Count > KeptOutputLines)
            {
                _output.Dequeue();
            }
        }
    }

    private string Output()
    {
        lock (_outputLock)
        {
            return string.Join('\n', _output);
        }
    }

    private static string FindBinary()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, "redis-server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            "redis-server is not on the PATH, and the Redis tests need a real server: install it " +
            "(Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis) and run the tests again.");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>The server process ended before it answered PING (for example, its port was taken).</summary>
    private sealed class RedisServerStartException(string message, Exception? innerException) : Exception(message, innerException);
}
