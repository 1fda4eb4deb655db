namespace TaskActors.TaskLoad.Hosting;

/// <summary>
/// One freshly started server and what it needs: its process, its MCP endpoint and, in cluster mode, the redis-server
/// that holds its state. Disposing kills the server first, then its Redis.
/// </summary>
internal sealed class ServerUnderTest(ServerKind kind, ServerProcess process, Uri mcpUrl, RedisServer? redis) : IAsyncDisposable
{
    public ServerKind Kind => kind;

    public ServerProcess Process => process;

    public Uri McpUrl => mcpUrl;

    /// <summary>The server's Redis; null unless <see cref="Kind"/> is <see cref="ServerKind.Redis"/>.</summary>
    public RedisServer? Redis => redis;

    /// <summary>Whether the server is TaskActors' Silo (which reports its runtime counters).</summary>
    public bool IsSilo => kind is ServerKind.Embedded or ServerKind.Redis;

    /// <summary>Throws when the server or its Redis has ended on its own.</summary>
    public void EnsureRunning()
    {
        process.EnsureRunning();
        redis?.EnsureRunning();
    }

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
