using System.Diagnostics;
using System.Reflection;

namespace TaskActors.EndToEnd.Tests.Startup;

/// <summary>A real TaskActors binary run until it exits on its own: its exit code and everything it printed.</summary>
public sealed record ExitedProcess(int ExitCode, string Output)
{
    /// <summary>The Gateway binary (a gateway of its own), built alongside the Silo.</summary>
    public static string GatewayDll => Path.Combine(Path.GetDirectoryName(RepositoryPaths.SiloDll)!, "..", "..", "..", "..", "Gateway", "bin",
        typeof(ExitedProcess).Assembly.GetCustomAttribute<BuildConfigurationAttribute>()!.Configuration, "net10.0", "TaskActors.Gateway.dll");

    /// <summary>Runs <paramref name="dll"/> with <paramref name="arguments"/> and <paramref name="environment"/>; fails if it is still running after a minute.</summary>
    public static async Task<ExitedProcess> RunAsync(string dll, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The binary {dll} is not built.");
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromMinutes(1), cancellationToken);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(dll)} was still running a minute after it started; it should have exited. Output:\n{await stdout}\n{await stderr}");
        }

        return new ExitedProcess(process.ExitCode, (await stdout) + (await stderr));
    }
}
