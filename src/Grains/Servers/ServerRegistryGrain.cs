using System.Text.Json;
using Microsoft.Extensions.Logging;
using TaskActors.Grains.Abstractions;
using TaskActors.Grains.Abstractions.Servers;

namespace TaskActors.Grains.Servers;

/// <summary>
/// The cluster's catalog of MCP servers. Silos of one deployment host the same servers; during a rolling upgrade the
/// most recently registered description of a server wins, and a server stays listed while any silo hosts it.
/// </summary>
[GrainType("server-registry")]
public sealed partial class ServerRegistryGrain(
    [PersistentState("registry", StorageNames.Registry)] IPersistentState<ServerRegistryState> state,
    ILogger<ServerRegistryGrain> logger) : Grain, IServerRegistryGrain
{
    private ServerCatalog? _catalog;

    /// <inheritdoc />
    public async Task<long> RegisterSiloAsync(SiloServers servers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(servers);
        var before = Describe(Build());
        state.State.Silos.Remove(servers.Silo);
        state.State.Silos[servers.Silo] = servers;
        await SaveIfChangedAsync(before, cancellationToken);
        return state.State.Version;
    }

    /// <inheritdoc />
    public async Task UnregisterSiloAsync(string silo, CancellationToken cancellationToken = default)
    {
        var before = Describe(Build());
        if (state.State.Silos.Remove(silo))
        {
            await SaveIfChangedAsync(before, cancellationToken);
        }
    }

    /// <inheritdoc />
    public Task<ServerCatalog?> GetCatalogAsync(long knownVersion, CancellationToken cancellationToken = default) =>
        Task.FromResult(knownVersion == state.State.Version && knownVersion != 0 ? null : _catalog ??= Build());

    private async Task SaveIfChangedAsync(string before, CancellationToken cancellationToken)
    {
        var catalog = Build();
        if (Describe(catalog) != before)
        {
            state.State.Version++;
            LogCatalogChanged(logger, state.State.Version, catalog.Servers.Count, state.State.Silos.Count);
        }

        await state.WriteStateAsync(cancellationToken);
        _catalog = Build();
    }

    private ServerCatalog Build()
    {
        var servers = new Dictionary<string, ServerDescriptor>(StringComparer.Ordinal);
        var hosts = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var silo in state.State.Silos.Values)
        {
            foreach (var server in silo.Servers)
            {
                servers[server.Path] = server;
                if (!hosts.TryGetValue(server.Path, out var list))
                {
                    hosts[server.Path] = list = [];
                }

                list.Add(silo.Silo);
            }
        }

        return new ServerCatalog
        {
            Version = state.State.Version,
            Servers = [.. servers.Values.OrderBy(s => s.Path, StringComparer.Ordinal)],
            Hosts = hosts.ToDictionary(h => h.Key, h => (IReadOnlyList<string>)[.. h.Value.Order(StringComparer.Ordinal)]),
        };
    }

    /// <summary>A fingerprint of everything gateways see: the servers and their hosts.</summary>
    private static string Describe(ServerCatalog catalog) =>
        JsonSerializer.Serialize(catalog.Servers, GrainsAbstractionsJsonContext.Default.IReadOnlyListServerDescriptor)
        + string.Join(';', catalog.Hosts.Select(h => $"{h.Key}={string.Join(',', h.Value)}"));

    [LoggerMessage(Level = LogLevel.Information, Message = "Server catalog version {Version}: {ServerCount} servers hosted by {SiloCount} silos")]
    private static partial void LogCatalogChanged(ILogger logger, long version, int serverCount, int siloCount);
}
