namespace TaskActors.TaskLoad.Measurement;

/// <summary>
/// What the measured window cost the Silo per completed task, from its runtime counters: grain state writes and reads
/// (by state name: task, session, registry) and grain calls (by grain type and method).
/// </summary>
internal sealed record SiloCost(
    IReadOnlyDictionary<string, double> Writes,
    IReadOnlyDictionary<string, double> Reads,
    IReadOnlyDictionary<string, double> Calls)
{
    public const string WritesCounter = "taskactors.storage.writes";
    public const string ReadsCounter = "taskactors.storage.reads";
    public const string CallsCounter = "taskactors.grain.calls";

    public double WritesPerTask => Writes.Values.Sum();

    public double ReadsPerTask => Reads.Values.Sum();

    public double CallsPerTask => Calls.Values.Sum();

    public static SiloCost Between(RuntimeCounterSnapshot before, RuntimeCounterSnapshot after, long completed)
    {
        IReadOnlyDictionary<string, double> PerTask(string instrument) =>
            new SortedDictionary<string, double>(
                after.ChangesSince(before, instrument).ToDictionary(p => p.Key, p => completed == 0 ? double.NaN : (double)p.Value / completed, StringComparer.Ordinal),
                StringComparer.Ordinal);

        return new(PerTask(WritesCounter), PerTask(ReadsCounter), PerTask(CallsCounter));
    }
}
