using System.Diagnostics;

namespace TaskActors.TaskLoad.Hosting;

/// <summary>
/// scripts/local-cluster.sh for one run directory, run through bash with its output appended to
/// <c>RUN_DIR/local-cluster.out</c> (the processes it starts in the background must not hold a pipe of ours open).
/// <see cref="Environment"/> is what every process of the cluster gets: the benchmark's settings as
/// <c>TaskActors__*</c> variables, and a --redis-server given as a path first on PATH (the script runs redis-server and
/// redis-cli from there).
/// </summary>
internal sealed class LocalClusterScript
{
    private LocalClusterScript(string runDirectory, IReadOnlyDictionary<string, string> environment)
    {
        RunDirectory = runDirectory;
        Environment = environment;
    }

    public string RunDirectory { get; }

    /// <summary>Environment variables set for the script and for each gateway the benchmark starts.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    private string OutputPath => Path.Combine(RunDirectory, "local-cluster.out");

    public static LocalClusterScript For(string runDirectory, LoadSettings settings)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var setting in ServerLauncher.SiloSettings.Concat(settings.SiloSettings))
        {
            var at = setting.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0)
            {
                throw new ArgumentException($"'{setting}' is not key=value.");
            }

            environment[setting[..at].Replace(":", "__", StringComparison.Ordinal)] = setting[(at + 1)..];
        }

        if (Path.GetDirectoryName(settings.RedisServer) is { Length: > 0 } redisDirectory)
        {
            environment["PATH"] = Path.GetFullPath(redisDirectory) + Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH");
        }

        return new LocalClusterScript(runDirectory, environment);
    }

    /// <summary>Runs <c>local-cluster.sh COMMAND ... --run-dir RUN_DIR</c> to its end (killed when cancelled); returns its exit code.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        using var script = Start(arguments);
        try
        {
            await script.WaitForExitAsync(cancellationToken);
            return script.ExitCode;
        }
        finally
        {
            if (!script.HasExited)
            {
                script.Kill();
            }
        }
    }

    /// <summary>The same, waiting at most <paramref name="timeout"/>, for when the process is exiting.</summary>
    public void Run(TimeSpan timeout, params string[] arguments)
    {
        using var script = Start(arguments);
        script.WaitForExit(timeout);
    }

    /// <summary>What the script printed so far.</summary>
    public string Output() => File.Exists(OutputPath) ? File.ReadAllText(OutputPath) : string.Empty;

    private Process Start(string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = RepositoryPaths.Root };
        foreach (var (key, value) in Environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["TASKLOAD_CLUSTER_SCRIPT_LOG"] = OutputPath;
        foreach (var argument in new[] { "-c", "exec \"$@\" >>\"$TASKLOAD_CLUSTER_SCRIPT_LOG\" 2>&1", "local-cluster.sh", RepositoryPaths.LocalClusterScript }
            .Concat(arguments)
            .Concat(["--run-dir", RunDirectory]))
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
    }
}
