using System.Diagnostics;

namespace TaskActors.EndToEnd.Tests;

/// <summary>Runs the real <c>taskactors</c> CLI binary and returns what it printed.</summary>
public static class CliProcess
{
    /// <summary>Runs the CLI with <paramref name="arguments"/>; fails with its output unless it exits 0.</summary>
    public static async Task<string> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(RepositoryPaths.CliDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromMinutes(1), cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"taskactors {string.Join(' ', start.ArgumentList.Skip(1))} exited {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }

        return (await stdout).Trim();
    }
}
