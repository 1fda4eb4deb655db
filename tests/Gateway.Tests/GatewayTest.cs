using TaskActors.Gateway.Tests.Infrastructure;
using TaskActors.TestKit;

namespace TaskActors.Gateway.Tests;

/// <summary>Base for tests that talk MCP to a gateway over HTTP.</summary>
public abstract class GatewayTest : LoggedTest
{
    protected Task<GatewayTestHost> StartAsync(IDictionary<string, string?>? settings = null) =>
        GatewayTestHost.StartCoHostedAsync(LoggerProvider, settings);

    protected static async Task<McpHttpClient> ConnectAsync(GatewayTestHost host, string version = "2025-11-25")
    {
        var client = host.CreateClient();
        var initialized = await client.InitializeAsync(version, cancellationToken: TestCancellation);
        if (initialized.IsError)
        {
            throw new InvalidOperationException($"initialize failed: {initialized.Response.GetRawText()}");
        }

        return client;
    }

    protected static string NewGate() => "gate-" + Guid.NewGuid().ToString("N");
}
