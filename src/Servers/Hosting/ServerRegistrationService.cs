using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TaskActors.Grains.Abstractions.Servers;
using TaskActors.Servers.Catalog;

namespace TaskActors.Servers.Hosting;

/// <summary>
/// Brings this silo's MCP servers up and down with it: lifespans start before the silo takes calls, the catalog is
/// registered once the silo is active, and unregistered (then lifespans disposed) when it stops.
/// </summary>
internal sealed partial class ServerRegistrationService(
    HostedServerCatalog catalog,
    IGrainFactory grains,
    ILocalSiloDetails silo,
    IServiceProvider services,
    ILogger<ServerRegistrationService> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => catalog.StartLifespansAsync(services, cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var description = catalog.Describe(silo.Name);
        var version = await grains.GetGrain<IServerRegistryGrain>(IServerRegistryGrain.DefaultKey).RegisterSiloAsync(description, cancellationToken);
        var tools = description.Servers.Sum(s => s.Tools.Count);
        LogRegistered(logger, silo.Name, description.Servers.Count, tools, version);
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await grains.GetGrain<IServerRegistryGrain>(IServerRegistryGrain.DefaultKey).UnregisterSiloAsync(silo.Name, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // An abrupt stop: the registry re-learns the hosts from the silos that register.
        }
        catch (Exception ex)
        {
            // The registry re-learns the hosts from the silos that register; a stale host entry is harmless.
            LogUnregisterFailed(logger, silo.Name, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => catalog.StopLifespansAsync();

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {SiloName} registered {ServerCount} MCP servers with {ToolCount} tools (catalog version {Version})")]
    private static partial void LogRegistered(ILogger logger, string siloName, int serverCount, int toolCount, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {SiloName} could not unregister its MCP servers")]
    private static partial void LogUnregisterFailed(ILogger logger, string siloName, Exception exception);
}
