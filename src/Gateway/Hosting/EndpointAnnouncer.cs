using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TaskActors.Gateway.Configuration;

namespace TaskActors.Gateway.Hosting;

/// <summary>Logs the URL of the MCP endpoint once the server listens, so the run command prints where to connect.</summary>
internal sealed partial class EndpointAnnouncer(IServer server, IOptions<GatewayOptions> options, ILogger<EndpointAnnouncer> logger) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            var url = address.TrimEnd('/') + options.Value.Path;
            LogListening(logger, url);
        }

        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "MCP endpoint: {Url}")]
    private static partial void LogListening(ILogger logger, string url);
}
