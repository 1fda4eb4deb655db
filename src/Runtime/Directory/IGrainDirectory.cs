using TaskActors.Runtime.Abstractions.Identity;
using TaskActors.Runtime.Identity;

namespace TaskActors.Runtime.Directory;

/// <summary>
/// The cluster-wide map from grain id to its one activation. Registration is a compare-and-set, so under concurrent
/// first calls from several silos exactly one activation wins. Implemented in memory and on Redis.
/// </summary>
public interface IGrainDirectory
{
    /// <summary>
    /// Registers <paramref name="address"/> if the grain has no entry, or if its entry equals <paramref name="previousAddress"/>
    /// (used to replace an entry that points at a dead silo). Returns the entry that holds afterwards: the given address
    /// when it won, otherwise the winner.
    /// </summary>
    Task<GrainAddress> RegisterAsync(GrainAddress address, GrainAddress? previousAddress, CancellationToken cancellationToken = default);

    /// <summary>Returns the grain's entry, or null.</summary>
    Task<GrainAddress?> LookupAsync(GrainId grainId, CancellationToken cancellationToken = default);

    /// <summary>Removes the grain's entry if it still equals <paramref name="address"/>; otherwise does nothing.</summary>
    Task UnregisterAsync(GrainAddress address, CancellationToken cancellationToken = default);

    /// <summary>Removes every entry that points at one of <paramref name="silos"/>.</summary>
    Task UnregisterSilosAsync(IReadOnlyCollection<SiloAddress> silos, CancellationToken cancellationToken = default);
}
