namespace TaskActors.TaskLoad.Measurement;

/// <summary>One measured window of one server at one concurrency: what the clients saw.</summary>
internal sealed record PhaseResult(
    TimeSpan Elapsed,
    long Completed,
    LatencySummary Create,
    LatencySummary Get,
    LatencySummary Result,
    IReadOnlyDictionary<string, long> Errors)
{
    public long ErrorCount => Errors.Values.Sum();

    public double TasksPerSecond => Completed / Elapsed.TotalSeconds;

    public static PhaseResult Of(IReadOnlyList<TaskRecorder> recorders, TimeSpan elapsed) => new(
        elapsed,
        recorders.Sum(r => r.Completed),
        LatencySummary.Of(recorders.Select(r => r.Create)),
        LatencySummary.Of(recorders.Select(r => r.Get)),
        LatencySummary.Of(recorders.Select(r => r.Result)),
        recorders.SelectMany(r => r.Errors).GroupBy(e => e.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(e => e.Value), StringComparer.Ordinal));
}
