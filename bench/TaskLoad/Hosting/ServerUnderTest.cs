namespace TaskActors.TaskLoad.Hosting;

/// <summary>
/// One freshly started server and what it needs: its process, its MCP endpoint and, in cluster mode, the redis-server
/// that holds its state. Disposing kills the server first, then its Redis.
/// </summary>
internal sealed class ServerUnderTest(ServerKind kind, ServerProcess process, Uri mcpUrl, RedisServer? redis) : ILoadTarget
{
    public ServerKind Kind => kind;

    public ClusterShape? Cluster => null;

    public ServerProcess Process => process;

    public string Description => $"{process.Name} (pid {process.Pid}) listens at {mcpUrl}"
        + (redis is null ? string.Empty : $", state in redis-server pid {redis.Pid} on port {redis.Port} (AOF in {redis.Directory})");

    public IReadOnlyList<Uri> McpUrls => [mcpUrl];

    /// <summary>The Silo reports its runtime counters on its own HTTP port; the TS SDK has none.</summary>
    public IReadOnlyList<Uri> SiloUrls => kind is ServerKind.Embedded or ServerKind.Redis ? [mcpUrl] : [];

    /// <summary>The server's Redis port; null unless <see cref="Kind"/> is <see cref="ServerKind.Redis"/>.</summary>
    public int? RedisPort => redis?.Port;

    public TargetCpu CpuTime() => new(process.CpuTime, TimeSpan.Zero);

    public long WorkingSetBytes() => process.WorkingSetBytes;

    /// <summary>Throws when the server or its Redis has ended on its own.</summary>
    public void EnsureRunning()
    {
        process.EnsureRunning();
        redis?.EnsureRunning();
    }

    public string Output() => process.Output();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await process.DisposeAsync();
        }
        finally
        {
            if (redis is not null)
            {
                await redis.DisposeAsync();
            }
        }
    }
}
