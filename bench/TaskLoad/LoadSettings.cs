using TaskActors.TaskLoad.Hosting;

namespace TaskActors.TaskLoad;

/// <summary>What one benchmark run does; every value comes from a command-line option.</summary>
internal sealed record LoadSettings
{
    /// <summary>The numbers of concurrent clients to measure, one run of each server and cluster per number.</summary>
    public required IReadOnlyList<int> Concurrency { get; init; }

    /// <summary>How long each measured window lasts (unless <see cref="Tasks"/> is set).</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>When set, each measured window completes this many tasks instead of lasting <see cref="Duration"/>.</summary>
    public int? Tasks { get; init; }

    /// <summary>How long the same load runs, unmeasured, before each window.</summary>
    public required TimeSpan Warmup { get; init; }

    /// <summary>The ttl each tools/call requests for its task, in milliseconds.</summary>
    public required long TtlMilliseconds { get; init; }

    /// <summary>How many tasks/get each iteration sends between the create and tasks/result.</summary>
    public required int GetsPerTask { get; init; }

    /// <summary>The servers to measure at each concurrency, in this order.</summary>
    public required IReadOnlyList<ServerKind> Servers { get; init; }

    /// <summary>The local cluster configurations to measure at each concurrency, after <see cref="Servers"/>.</summary>
    public IReadOnlyList<ClusterShape> Clusters { get; init; } = [];

    /// <summary>The build configuration of the Silo binary to start (local clusters always run the Release build).</summary>
    public required string Configuration { get; init; }

    /// <summary>Extra <c>key=value</c> settings for the Silo (and every process of a local cluster), after the benchmark's own.</summary>
    public required IReadOnlyList<string> SiloSettings { get; init; }

    /// <summary>The redis-server executable cluster mode starts (a fresh one for each run of it).</summary>
    public required string RedisServer { get; init; }

    /// <summary>How long Redis's background traffic is measured after each window on Redis; zero for not at all.</summary>
    public required TimeSpan RedisIdle { get; init; }

    /// <summary>Where to write the results as Markdown; null for none.</summary>
    public string? MarkdownPath { get; init; }
}
