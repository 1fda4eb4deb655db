using StackExchange.Redis;
using TaskActors.TestKit.Redis;
using Xunit;

namespace TaskActors.Storage.Tests.Redis;

/// <summary>One <c>redis-server</c> and one shared connection for all tests of a class; tests isolate by key prefix.</summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private RedisServer? _server;
    private ConnectionMultiplexer? _connection;

    public RedisServer Server => _server ?? throw new InvalidOperationException("The Redis fixture has not started.");

    public IConnectionMultiplexer Connection => _connection ?? throw new InvalidOperationException("The Redis fixture has not started.");

    /// <summary>The one server behind <see cref="Connection"/> (admin commands such as INFO are allowed).</summary>
    public IServer Admin => Connection.GetServer(Server.ConnectionString);

    public async ValueTask InitializeAsync()
    {
        _server = await RedisServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var options = ConfigurationOptions.Parse(Server.ConnectionString);
        options.AllowAdmin = true;
        _connection = await ConnectionMultiplexer.ConnectAsync(options);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
