using System.Diagnostics;
using System.Globalization;
using TaskActors.EndToEnd.Tests.Cluster;

namespace TaskActors.EndToEnd.Tests;

/// <summary>A graceful stop of a child process, as Kubernetes does it: SIGTERM, then its exit within a bound.</summary>
internal static class GracefulStop
{
    /// <summary>
    /// Sends SIGTERM to <paramref name="process"/> and waits until it has exited; fails, with the tail of
    /// <paramref name="output"/>, if it is still running after <paramref name="timeout"/>. Returns how long the stop took.
    /// </summary>
    public static async Task<TimeSpan> TerminateAsync(Process process, string name, Func<string> output, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using (var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", process.Id.ToString(CultureInfo.InvariantCulture) } })!)
        {
            await kill.WaitForExitAsync(cancellationToken);
        }

        try
        {
            await process.WaitForExitAsync(cancellationToken).WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{name} (pid {process.Id}) did not exit within {timeout} of SIGTERM. Output:\n{SiloLog.Tail(output())}", ex);
        }

        return Stopwatch.GetElapsedTime(started);
    }
}
