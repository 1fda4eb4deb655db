namespace TaskActors.TaskLoad.Measurement;

/// <summary>What one client measured in one phase: the latency of each request kind, completed tasks, errors by message.</summary>
internal sealed class TaskRecorder
{
    public List<long> Create { get; } = [];

    public List<long> Get { get; } = [];

    public List<long> Result { get; } = [];

    public long Completed { get; set; }

    public Dictionary<string, long> Errors { get; } = new(StringComparer.Ordinal);

    public void Error(string message) => Errors[message] = Errors.GetValueOrDefault(message) + 1;
}
