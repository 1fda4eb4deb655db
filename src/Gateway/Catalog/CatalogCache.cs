using Microsoft.Extensions.Options;
using TaskActors.Gateway.Cluster;
using TaskActors.Gateway.Configuration;
using TaskActors.Gateway.JsonRpc;
using TaskActors.Gateway.Protocol;
using TaskActors.Grains.Abstractions.Servers;

namespace TaskActors.Gateway.Catalog;

/// <summary>
/// The gateway's cached copy of the server registry. It asks the registry at most every couple of seconds, and only for
/// a newer version; a forced refresh picks up a server that was registered a moment ago. While the registry cannot be
/// reached (its silo is being replaced, or the store is down) the copy it has is served, and asked for again later.
/// </summary>
internal sealed class CatalogCache(IGrainFactory grains, IOptions<GatewayOptions> options, TimeProvider timeProvider) : IDisposable
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private ServerCatalog? _catalog;
    private ServedServer? _served;
    private DateTimeOffset _fetchedAt;

    public void Dispose() => _refresh.Dispose();

    /// <summary>The served server, refreshed when stale (or now, with <paramref name="force"/>).</summary>
    /// <exception cref="McpRequestException">No silo hosts the configured server.</exception>
    public async ValueTask<ServedServer> GetAsync(bool force = false, CancellationToken cancellationToken = default)
    {
        if (!force && _served is { } served && timeProvider.GetUtcNow() - _fetchedAt < MaxAge)
        {
            return served;
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (force || _served is null || timeProvider.GetUtcNow() - _fetchedAt >= MaxAge)
            {
                var registry = grains.GetGrain<IServerRegistryGrain>(IServerRegistryGrain.DefaultKey);
                ServerCatalog? catalog;
                try
                {
                    catalog = await registry.GetCatalogAsync(_catalog?.Version ?? 0, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ClusterFailures.IsRetryable(ex) && _served is not null)
                {
                    // A stale catalog beats a failed request; the next request after MaxAge asks again.
                    catalog = null;
                }

                if (catalog is not null)
                {
                    _catalog = catalog;
                    var descriptor = catalog.Servers.FirstOrDefault(s => s.Path == options.Value.Server);
                    _served = descriptor is null ? null : new ServedServer(descriptor, catalog.Version);
                }

                _fetchedAt = timeProvider.GetUtcNow();
            }

            return _served ?? throw new McpRequestException(McpErrorCodes.InternalError, $"No silo hosts the MCP server '{options.Value.Server}' yet.");
        }
        finally
        {
            _refresh.Release();
        }
    }
}
