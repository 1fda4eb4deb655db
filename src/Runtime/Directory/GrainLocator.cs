using System.Collections.Concurrent;
using TaskActors.Runtime.Abstractions.Identity;
using TaskActors.Runtime.Identity;
using TaskActors.Runtime.Membership;
using TaskActors.Runtime.Placement;

namespace TaskActors.Runtime.Directory;

/// <summary>
/// Finds the silo to send a grain call to: a cached address, else the directory, else a placement decision (the
/// chosen silo then registers the activation). Entries on dead silos are dropped when membership changes.
/// </summary>
internal sealed class GrainLocator : IDisposable
{
    private const int MaxCacheEntries = 100_000;
    private static readonly TimeSpan SuspicionTime = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<GrainId, GrainAddress> _cache = new();
    private readonly ConcurrentDictionary<SiloAddress, DateTimeOffset> _suspected = new();
    private readonly IGrainDirectory _directory;
    private readonly IPlacementDirector _placement;
    private readonly MembershipView _membership;
    private readonly TimeProvider _timeProvider;
    private readonly IDisposable _subscription;

    // The cache's size, kept beside it: ConcurrentDictionary.Count takes every lock of the dictionary, and nearly every
    // new task caches a new grain. Approximate under races, which is all the bound needs.
    private int _cachedCount;

    public GrainLocator(IGrainDirectory directory, IPlacementDirector placement, MembershipView membership, TimeProvider timeProvider)
    {
        _directory = directory;
        _placement = placement;
        _membership = membership;
        _timeProvider = timeProvider;
        _subscription = membership.Subscribe(OnMembershipChanged);
    }

    public ValueTask<SiloAddress> ResolveAsync(GrainId grainId, CancellationToken cancellationToken) =>
        _cache.TryGetValue(grainId, out var cached) && !_membership.IsDead(cached.Silo)
            ? new ValueTask<SiloAddress>(cached.Silo)
            : LookUpAsync(grainId, cancellationToken);

    private async ValueTask<SiloAddress> LookUpAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        var entry = await _directory.LookupAsync(grainId, cancellationToken).ConfigureAwait(false);
        if (entry is not null && !_membership.IsDead(entry.Silo) && !IsSuspected(entry.Silo))
        {
            Cache(entry);
            return entry.Silo;
        }

        // No usable entry: place it. The chosen silo registers the activation, or redirects us to the winner.
        var silo = _placement.Place(grainId, SuspectedSilos());
        Cache(new GrainAddress(grainId, silo, default));
        return silo;
    }

    public void Update(GrainAddress address) => Cache(address);

    /// <summary>Forgets where a grain lives after its silo failed to take a call, and avoids that silo for a while.</summary>
    public void Invalidate(GrainId grainId, SiloAddress silo)
    {
        if (_cache.TryGetValue(grainId, out var cached) && cached.Silo == silo)
        {
            Forget(grainId, cached);
        }

        _suspected[silo] = _timeProvider.GetUtcNow() + SuspicionTime;
    }

    public void Dispose() => _subscription.Dispose();

    private void Cache(GrainAddress address)
    {
        if (!_cache.TryAdd(address.GrainId, address))
        {
            _cache[address.GrainId] = address;
            return;
        }

        if (Interlocked.Increment(ref _cachedCount) > MaxCacheEntries)
        {
            _cache.Clear();
            Volatile.Write(ref _cachedCount, 0);
        }
    }

    private void Forget(GrainId grainId, GrainAddress address)
    {
        if (_cache.TryRemove(new KeyValuePair<GrainId, GrainAddress>(grainId, address)))
        {
            Interlocked.Decrement(ref _cachedCount);
        }
    }

    private bool IsSuspected(SiloAddress silo)
    {
        if (!_suspected.TryGetValue(silo, out var until))
        {
            return false;
        }

        if (until > _timeProvider.GetUtcNow())
        {
            return true;
        }

        _suspected.TryRemove(new KeyValuePair<SiloAddress, DateTimeOffset>(silo, until));
        return false;
    }

    private HashSet<SiloAddress> SuspectedSilos() => _suspected.IsEmpty ? [] : [.. _suspected.Keys.Where(IsSuspected)];

    private void OnMembershipChanged(MembershipSnapshot snapshot)
    {
        foreach (var (grainId, address) in _cache)
        {
            if (snapshot.IsDead(address.Silo))
            {
                Forget(grainId, address);
            }
        }

        foreach (var silo in _suspected.Keys)
        {
            if (snapshot.IsDead(silo))
            {
                _suspected.TryRemove(silo, out _);
            }
        }
    }
}
