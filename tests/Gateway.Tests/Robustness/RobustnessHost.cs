using Microsoft.Extensions.Logging;
using TaskActors.Gateway.Tests.Infrastructure;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.Gateway.Tests.Robustness;

/// <summary>
/// One co-hosted gateway shared by every bad-input case of a test class (a host per case would make the table slow),
/// with every log line kept so a case can assert what it caused to be logged.
/// </summary>
public sealed class RobustnessHost : IAsyncLifetime
{
    private GatewayTestHost? _host;

    public CollectingLoggerProvider Logs { get; } = new();

    public GatewayTestHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    // Every case opens an anonymous session from one address: many more than the per-address limit allows a minute.
    public async ValueTask InitializeAsync() =>
        _host = await GatewayTestHost.StartCoHostedAsync(Logs, new Dictionary<string, string?> { ["TaskActors:Gateway:AnonymousSessionsPerMinute"] = "1000000" });

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>A client with a new session of protocol <paramref name="version"/>.</summary>
    public async Task<McpHttpClient> ConnectAsync(string version, CancellationToken cancellationToken)
    {
        var client = Host.CreateClient();
        var initialized = await client.InitializeAsync(version, cancellationToken: cancellationToken);
        return initialized.IsError ? throw new InvalidOperationException($"initialize failed: {initialized.Response.GetRawText()}") : client;
    }

    /// <summary>The lines logged at Error or above since <paramref name="mark"/> lines had been logged.</summary>
    public IReadOnlyList<string> ErrorsSince(int mark) =>
        [.. Logs.Lines.Skip(mark).Where(l => l.Level >= LogLevel.Error).Select(l => $"{l.Level} {l.Category}: {l.Message}")];
}
