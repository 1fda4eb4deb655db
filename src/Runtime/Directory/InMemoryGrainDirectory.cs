using System.Collections.Concurrent;
using TaskActors.Runtime.Abstractions.Identity;
using TaskActors.Runtime.Identity;

namespace TaskActors.Runtime.Directory;

/// <summary>The grain directory for the silos of one process.</summary>
public sealed class InMemoryGrainDirectory : IGrainDirectory
{
    private readonly ConcurrentDictionary<GrainId, GrainAddress> _entries = new();

    /// <inheritdoc />
    public Task<GrainAddress> RegisterAsync(GrainAddress address, GrainAddress? previousAddress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        while (true)
        {
            if (_entries.TryGetValue(address.GrainId, out var current))
            {
                if (current == address || current != previousAddress)
                {
                    return Task.FromResult(current);
                }

                if (_entries.TryUpdate(address.GrainId, address, current))
                {
                    return Task.FromResult(address);
                }
            }
            else if (_entries.TryAdd(address.GrainId, address))
            {
                return Task.FromResult(address);
            }
        }
    }

    /// <inheritdoc />
    public Task<GrainAddress?> LookupAsync(GrainId grainId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_entries.TryGetValue(grainId, out var address) ? address : null);

    /// <inheritdoc />
    public Task UnregisterAsync(GrainAddress address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        _entries.TryRemove(new KeyValuePair<GrainId, GrainAddress>(address.GrainId, address));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task UnregisterSilosAsync(IReadOnlyCollection<SiloAddress> silos, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(silos);
        foreach (var entry in _entries)
        {
            if (silos.Contains(entry.Value.Silo))
            {
                _entries.TryRemove(entry);
            }
        }

        return Task.CompletedTask;
    }
}
