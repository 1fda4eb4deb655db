namespace TaskActors.TaskLoad.Measurement;

/// <summary>
/// What the measured window cost the Silo per completed task, from its runtime counters: grain state writes and reads
/// (by state name), activations (each one registers in the grain directory once; by grain type) and grain calls (by
/// grain type and method).
/// </summary>
internal sealed record StorageCost(
    IReadOnlyDictionary<string, double> Writes,
    IReadOnlyDictionary<string, double> Reads,
    IReadOnlyDictionary<string, double> Activations,
    IReadOnlyDictionary<string, double> Calls)
{
    public double WritesPerTask => Writes.Values.Sum();

    public double ReadsPerTask => Reads.Values.Sum();

    public double ActivationsPerTask => Activations.Values.Sum();

    public double CallsPerTask => Calls.Values.Sum();

    public static StorageCost Between(RuntimeCounterSnapshot before, RuntimeCounterSnapshot after, long completed)
    {
        IReadOnlyDictionary<string, double> PerTask(string instrument) =>
            new SortedDictionary<string, double>(
                after.ChangesSince(before, instrument).ToDictionary(p => p.Key, p => completed == 0 ? double.NaN : (double)p.Value / completed, StringComparer.Ordinal),
                StringComparer.Ordinal);

        return new(PerTask("taskactors.storage.writes"), PerTask("taskactors.storage.reads"), PerTask("taskactors.activations.created"), PerTask("taskactors.grain.calls"));
    }
}
