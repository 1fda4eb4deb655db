using System.Globalization;

namespace TaskActors.TaskLoad.Measurement;

/// <summary>
/// CPU time and resident memory of any process on this machine by its PID, from <c>/proc/PID/stat</c>: for processes
/// the benchmark did not start itself (a local cluster's silos and gateways, started by scripts/local-cluster.sh).
/// </summary>
internal static class ProcStat
{
    private const double TicksPerSecond = 100; // USER_HZ, as in MachineCpu.

    /// <summary>The process's CPU time (user + system) and RSS; null when it is gone (or a zombie).</summary>
    public static (TimeSpan Cpu, long RssBytes)? Read(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText(string.Create(CultureInfo.InvariantCulture, $"/proc/{pid}/stat"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid ...": the name may hold spaces and parentheses, so split after its last ')'. From
        // there, field 3 (state) is index 0: utime (14) index 11, stime (15) index 12, rss in pages (24) index 21.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        if (fields[0] is "Z" or "X")
        {
            return null;
        }

        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        var rss = long.Parse(fields[21], CultureInfo.InvariantCulture) * Environment.SystemPageSize;
        return (TimeSpan.FromSeconds(ticks / TicksPerSecond), rss);
    }
}
