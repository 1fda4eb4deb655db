namespace TaskActors.Grains.Configuration;

/// <summary>How the task engine runs, re-drives and limits tasks.</summary>
public sealed class TaskEngineOptions
{
    /// <summary>The configuration section (under <c>TaskActors</c>).</summary>
    public const string SectionName = "Tasks";

    /// <summary>How many times a task's run is started in all (the first run plus re-drives after a lost silo). Default 3.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>A run lasting longer than this registers a durable reminder that re-drives it if its silo dies. Default 10 s.</summary>
    public TimeSpan RedriveAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The period of that re-drive reminder: after a silo dies, its long runs resume within this much of the reminder
    /// service taking over the dead silo's reminders. Default 5 s; at least <see cref="MinimumRedrivePeriod"/>.
    /// </summary>
    public TimeSpan RedrivePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The shortest re-drive period: the minimum reminder period TaskActors configures on its silos.</summary>
    public static readonly TimeSpan MinimumRedrivePeriod = TimeSpan.FromSeconds(1);

    /// <summary>How many notifications a task buffers for streams that poll it. Default 1000.</summary>
    public int MessageBufferSize { get; set; } = 1000;

    /// <summary>The most tasks one requestor may have working or waiting for input at once. Default 100.</summary>
    public int MaxConcurrentTasksPerRequestor { get; set; } = 100;

    /// <summary>The most tasks one requestor may create per second (sustained; bursts up to twice this). Default 50.</summary>
    public double MaxTaskCreationsPerSecond { get; set; } = 50;

    /// <summary>
    /// The most tasks one requestor may keep at once, running or finished, until their ttl ends. Default 1000.
    /// </summary>
    public int MaxKeptTasksPerRequestor { get; set; } = 1000;

    /// <summary>
    /// The most bytes one requestor's kept tasks may hold: the JSON of their arguments and of their results, until their
    /// ttl ends. A task is refused when its arguments would go past it; a result that does is kept, and new tasks wait
    /// for older ones to expire. Default 64 MiB.
    /// </summary>
    public long MaxStoredBytesPerRequestor { get; set; } = 64L * 1024 * 1024;

    /// <summary>How long a session outlives its last change before its record expires. Default 24 hours.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(24);
}
