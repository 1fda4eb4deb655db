using Orleans.Concurrency;

namespace TaskActors.Grains.Abstractions.Servers;

/// <summary>
/// The catalog of MCP servers in the cluster (one grain, key <see cref="DefaultKey"/>): servers, mount prefixes, tool
/// descriptors with task support, and which silos host them. Silos register at start-up; gateways cache by version.
/// </summary>
[Alias("server-registry")]
public interface IServerRegistryGrain : IGrainWithStringKey
{
    /// <summary>The key of the cluster's registry.</summary>
    const string DefaultKey = "default";

    /// <summary>Records what a silo hosts; returns the catalog version afterwards.</summary>
    [Alias("server-registry.register")]
    Task<long> RegisterSiloAsync(SiloServers servers, CancellationToken cancellationToken = default);

    /// <summary>Forgets a silo (it shut down).</summary>
    [Alias("server-registry.unregister")]
    Task UnregisterSiloAsync(string silo, CancellationToken cancellationToken = default);

    /// <summary>Returns the catalog, or null when its version is still <paramref name="knownVersion"/>.</summary>
    [Alias("server-registry.catalog")]
    [AlwaysInterleave]
    Task<ServerCatalog?> GetCatalogAsync(long knownVersion, CancellationToken cancellationToken = default);
}
