namespace TaskActors.TaskLoad.Hosting;

/// <summary>The servers the benchmark drives.</summary>
internal enum ServerKind
{
    /// <summary>TaskActors: the real Silo binary, gateway co-hosted, in-memory storage.</summary>
    TaskActors,

    /// <summary>The TypeScript SDK's task server with its in-memory task store (bench/ts-baseline).</summary>
    TypeScript,
}
