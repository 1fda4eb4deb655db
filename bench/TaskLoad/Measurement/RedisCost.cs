namespace TaskActors.TaskLoad.Measurement;

/// <summary>
/// What the measured window cost the Redis server per completed task: calls by command, the same with the
/// background taken out, the Redis process's CPU time and the growth of its append-only file. The background is what
/// the silo sends with no load at all (membership table reads and I-am-alive updates, reminder table reads), measured
/// over an idle interval right after the window, as calls per second.
/// </summary>
internal sealed record RedisCost(
    IReadOnlyDictionary<string, double> PerTask,
    IReadOnlyDictionary<string, double> BackgroundPerSecond,
    IReadOnlyDictionary<string, double> NetPerTask,
    double CpuMillisecondsPerTask,
    double AofBytesPerTask,
    TimeSpan Idle)
{
    /// <summary>Commands that run Lua scripts; the commands a script runs are counted under their own names too.</summary>
    public static readonly IReadOnlySet<string> ScriptCommands = new HashSet<string>(StringComparer.Ordinal) { "eval", "evalsha", "eval_ro", "evalsha_ro", "fcall", "fcall_ro" };

    /// <summary>Every command per task, those inside scripts included.</summary>
    public double CommandsPerTask => PerTask.Values.Sum();

    /// <summary>Every command per task, less the background.</summary>
    public double NetCommandsPerTask => NetPerTask.Values.Sum();

    /// <summary>
    /// Scripts per task (EVAL and EVALSHA), less the background: the storage's round trips, as each grain state read,
    /// write or clear is one script.
    /// </summary>
    public double ScriptsPerTask => NetPerTask.Where(p => ScriptCommands.Contains(p.Key)).Sum(p => p.Value);

    /// <summary>
    /// The cost per task between <paramref name="before"/> and <paramref name="after"/> (the window of
    /// <paramref name="window"/>, <paramref name="completed"/> tasks), and the background from an idle interval of
    /// <paramref name="idle"/> between <paramref name="after"/> and <paramref name="idleEnd"/> (null: not measured).
    /// </summary>
    public static RedisCost Between(RedisSnapshot before, RedisSnapshot after, RedisSnapshot? idleEnd, TimeSpan window, TimeSpan idle, long completed)
    {
        double PerTask(double count) => completed == 0 ? double.NaN : count / completed;
        var calls = after.CallsSince(before);
        var background = idleEnd is null || idle <= TimeSpan.Zero
            ? new Dictionary<string, double>(StringComparer.Ordinal)
            : idleEnd.CallsSince(after).ToDictionary(c => c.Key, c => c.Value / idle.TotalSeconds, StringComparer.Ordinal);
        return new RedisCost(
            Sorted(calls.ToDictionary(c => c.Key, c => PerTask(c.Value), StringComparer.Ordinal)),
            Sorted(background),
            Sorted(calls.ToDictionary(c => c.Key, c => PerTask(Math.Max(0, c.Value - (background.GetValueOrDefault(c.Key) * window.TotalSeconds))), StringComparer.Ordinal)),
            PerTask((after.Cpu - before.Cpu).TotalMilliseconds),
            PerTask(after.AofBytes - before.AofBytes),
            idleEnd is null ? TimeSpan.Zero : idle);
    }

    private static SortedDictionary<string, double> Sorted(Dictionary<string, double> values) => new(values, StringComparer.Ordinal);
}
