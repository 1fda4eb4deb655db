namespace TaskActors.TaskLoad.Measurement;

/// <summary>
/// What the measured window cost the silos per completed task, from their runtime counters summed over every silo:
/// grain state writes and reads (by state name: task, session, registry) and grain calls (by grain type and method);
/// and how the grain calls fell on each silo.
/// </summary>
internal sealed record SiloCost(
    IReadOnlyDictionary<string, double> Writes,
    IReadOnlyDictionary<string, double> Reads,
    IReadOnlyDictionary<string, double> Calls,
    IReadOnlyList<long> CallsBySilo)
{
    public const string WritesCounter = "taskactors.storage.writes";
    public const string ReadsCounter = "taskactors.storage.reads";
    public const string CallsCounter = "taskactors.grain.calls";

    public double WritesPerTask => Writes.Values.Sum();

    public double ReadsPerTask => Reads.Values.Sum();

    public double CallsPerTask => Calls.Values.Sum();

    /// <summary>The window's cost from each silo's counters before and after it (the same silos, in the same order).</summary>
    public static SiloCost Between(IReadOnlyList<RuntimeCounterSnapshot> before, IReadOnlyList<RuntimeCounterSnapshot> after, long completed)
    {
        IReadOnlyDictionary<string, double> PerTask(string instrument) =>
            new SortedDictionary<string, double>(
                before.Zip(after)
                    .SelectMany(pair => pair.Second.ChangesSince(pair.First, instrument))
                    .GroupBy(p => p.Key, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => completed == 0 ? double.NaN : (double)g.Sum(p => p.Value) / completed, StringComparer.Ordinal),
                StringComparer.Ordinal);

        return new(
            PerTask(WritesCounter),
            PerTask(ReadsCounter),
            PerTask(CallsCounter),
            [.. before.Zip(after).Select(pair => pair.Second.ChangesSince(pair.First, CallsCounter).Values.Sum())]);
    }
}
