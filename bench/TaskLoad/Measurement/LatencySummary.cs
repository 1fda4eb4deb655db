using System.Diagnostics;

namespace TaskActors.TaskLoad.Measurement;

/// <summary>Percentiles of one operation's latency, in milliseconds (nearest rank).</summary>
internal sealed record LatencySummary(long Count, double P50, double P90, double P99, double Max)
{
    public static readonly LatencySummary Empty = new(0, double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>Summarizes durations measured in <see cref="Stopwatch"/> ticks.</summary>
    public static LatencySummary Of(IEnumerable<IReadOnlyList<long>> samples)
    {
        var all = samples.SelectMany(s => s).ToArray();
        if (all.Length == 0)
        {
            return Empty;
        }

        Array.Sort(all);
        return new(all.Length, Milliseconds(Rank(all, 0.50)), Milliseconds(Rank(all, 0.90)), Milliseconds(Rank(all, 0.99)), Milliseconds(all[^1]));
    }

    private static long Rank(long[] sorted, double quantile) => sorted[Math.Max(0, (int)Math.Ceiling(quantile * sorted.Length) - 1)];

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
