using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using TaskActors.TaskLoad.Hosting;
using TaskActors.TaskLoad.Measurement;

namespace TaskActors.TaskLoad.Reporting;

/// <summary>
/// The machine a run measured: CPU model and count, memory, OS, the .NET, Node and Redis versions the servers ran on,
/// and how many cores something else kept busy just before the run (a benchmark wants that near zero).
/// </summary>
internal sealed record MachineInfo(string Cpu, int Cores, string Memory, string OperatingSystem, string DotNet, string Node, string Redis, double BackgroundCores)
{
    /// <summary>Reads the machine; <paramref name="redis"/> is what <c>redis-server --version</c> printed, or why there is none.</summary>
    public static async Task<MachineInfo> ReadAsync(string redis, CancellationToken cancellationToken) => new(
        ProcFileValue("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Environment.ProcessorCount,
        ProcFileValue("/proc/meminfo", "MemTotal") is { } total && long.TryParse(total.Split(' ')[0], CultureInfo.InvariantCulture, out var kib)
            ? string.Create(CultureInfo.InvariantCulture, $"{kib / 1024.0 / 1024.0:0.#} GiB")
            : "unknown",
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        await NodeVersionAsync(cancellationToken),
        redis,
        await MachineCpu.BusyCoresAsync(TimeSpan.FromSeconds(2), cancellationToken));

    private static string? ProcFileValue(string path, string key)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        return File.ReadLines(path)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[0].Trim() == key)
            .Select(parts => parts[1].Trim())
            .FirstOrDefault();
    }

    private static async Task<string> NodeVersionAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(RepositoryPaths.Node))
        {
            return "not installed";
        }

        using var node = Process.Start(new ProcessStartInfo(RepositoryPaths.Node, "--version") { RedirectStandardOutput = true })!;
        var version = await node.StandardOutput.ReadToEndAsync(cancellationToken);
        await node.WaitForExitAsync(cancellationToken);
        return version.Trim();
    }
}
