using System.Globalization;

namespace TaskActors.TaskLoad.Measurement;

/// <summary>
/// CPU time the whole machine has spent busy (every process and the kernel), from <c>/proc/stat</c>; zero where there
/// is none. Set against the servers' and the load generator's own CPU time, it shows what else ran meanwhile.
/// </summary>
internal static class MachineCpu
{
    private const double TicksPerSecond = 100; // USER_HZ, 100 on every Linux architecture .NET runs on.

    public static TimeSpan BusyTime()
    {
        const string path = "/proc/stat";
        if (!File.Exists(path))
        {
            return TimeSpan.Zero;
        }

        // "cpu  user nice system idle iowait irq softirq steal guest guest_nice"; guest time is already in user.
        var fields = File.ReadLines(path).First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var busy = fields.Sum() - fields[3] - fields[4];
        return TimeSpan.FromSeconds(busy / TicksPerSecond);
    }

    /// <summary>How many cores were busy, on average, over <paramref name="interval"/>.</summary>
    public static async Task<double> BusyCoresAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        var before = BusyTime();
        await Task.Delay(interval, cancellationToken);
        return (BusyTime() - before) / interval;
    }
}
