using System.Diagnostics;
using StackExchange.Redis;
using TaskActors.TestKit;
using TaskActors.TestKit.Redis;
using Xunit;

namespace TaskActors.Storage.Tests.Redis;

/// <summary>The TestKit's <see cref="RedisServer"/>, which the Redis store tests and later crash tests stand on.</summary>
public sealed class RedisServerTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KillAsync_StopsServer_WhenRunning()
    {
        await using var server = await RedisServer.StartAsync(cancellationToken: Cancellation);
        var pid = server.Pid;

        await server.KillAsync();

        Assert.Throws<InvalidOperationException>(() => server.Pid);
        Assert.Throws<ArgumentException>(() => Process.GetProcessById(pid));
        var options = ConfigurationOptions.Parse(server.ConnectionString);
        options.ConnectRetry = 0;
        options.ConnectTimeout = 1_000;
        await Assert.ThrowsAsync<RedisConnectionException>(() => ConnectionMultiplexer.ConnectAsync(options));
    }

    [Fact]
    public async Task RestartAsync_KeepsAcknowledgedWrites_WhenAppendOnlyServerWasKilled()
    {
        await using var server = await RedisServer.StartAsync(appendOnly: true, Cancellation);
        var value = Guid.NewGuid().ToString("N");
        await using (var connection = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString))
        {
            await connection.GetDatabase().StringSetAsync("kept", value);
        }

        // Redis writes the AOF before it replies, unless a background fsync is still running: wait to see it on disk.
        await Eventually.WaitUntilAsync(
            () => Directory.EnumerateFiles(server.DataDirectory, "*.aof", SearchOption.AllDirectories).Any(f => File.ReadAllText(f).Contains(value, StringComparison.Ordinal)),
            "the write is in the append-only file",
            cancellationToken: Cancellation);
        await server.KillAsync();

        await server.RestartAsync(Cancellation);

        await using var reconnected = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        Assert.Equal(value, await reconnected.GetDatabase().StringGetAsync("kept"));
    }
}
