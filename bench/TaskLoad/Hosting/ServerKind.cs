namespace TaskActors.TaskLoad.Hosting;

/// <summary>The servers the benchmark drives, in the order a run measures them at each concurrency.</summary>
internal enum ServerKind
{
    /// <summary>TaskActors' real Silo binary in the embedded default: one silo, gateway co-hosted, in-memory state.</summary>
    Embedded,

    /// <summary>The same binary in cluster mode: grain state, membership and reminders in a redis-server (AOF, fsync every second) the benchmark starts.</summary>
    Redis,

    /// <summary>The TypeScript SDK's task server with its in-memory task store (bench/ts-baseline).</summary>
    TypeScript,

    /// <summary>A local cluster from scripts/local-cluster.sh (<c>--cluster</c>): its own redis-server, N silo processes, M gateway processes.</summary>
    Cluster,
}
