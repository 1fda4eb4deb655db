using System.Diagnostics;
using System.Globalization;

namespace TaskActors.TaskLoad.Hosting;

/// <summary>
/// A redis-server of the benchmark's own: a free loopback port, a fresh temporary directory, no RDB snapshots and an
/// append-only file fsynced every second (the durability cluster mode is measured with). Disposing kills it by its PID
/// and deletes the directory.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private readonly ServerProcess _process;

    private RedisServer(ServerProcess process, int port, string directory)
    {
        _process = process;
        Port = port;
        Directory = directory;
    }

    public int Port { get; }

    /// <summary>The temporary directory that holds its append-only file.</summary>
    public string Directory { get; }

    public int Pid => _process.Pid;

    /// <summary>The StackExchange.Redis connection string of this server.</summary>
    public string ConnectionString => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port}");

    /// <summary>Throws, with its last output, when the server has ended on its own.</summary>
    public void EnsureRunning() => _process.EnsureRunning();

    /// <summary>Starts <paramref name="executable"/> (redis-server 7.0 or later); returns once it accepts connections.</summary>
    public static async Task<RedisServer> StartAsync(string executable, CancellationToken cancellationToken)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("taskload-redis-").FullName;
        var port = ServerProcess.FreePort();
        var start = new ProcessStartInfo(executable) { WorkingDirectory = directory };
        foreach (var argument in new[]
        {
            "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", directory,
            "--save", string.Empty, "--appendonly", "yes", "--appendfsync", "everysec", "--daemonize", "no",
        })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            return new RedisServer(await ServerProcess.StartAsync("redis-server", start, "Ready to accept connections", cancellationToken), port, directory);
        }
        catch
        {
            DeleteDirectory(directory);
            throw;
        }
    }

    /// <summary>What <c>redis-server --version</c> prints; throws a clear error when <paramref name="executable"/> cannot run.</summary>
    public static async Task<string> VersionAsync(string executable, CancellationToken cancellationToken)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(executable, "--version") { RedirectStandardOutput = true })!;
            var version = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return version.Trim();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"Cluster mode needs redis-server 7.0 or later, and '{executable}' did not start ({ex.Message}); install it or pass --redis-server PATH, or leave redis out of --servers.", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        DeleteDirectory(Directory);
    }

    private static void DeleteDirectory(string directory)
    {
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temporary directory; nothing depends on it.
        }
    }
}
