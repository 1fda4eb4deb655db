using TaskActors.Runtime.Identity;

namespace TaskActors.Runtime.Membership;

/// <summary>An immutable view of the membership table at one moment.</summary>
internal sealed class MembershipSnapshot
{
    public static readonly MembershipSnapshot Empty = new(0, new Dictionary<SiloAddress, MembershipEntry>());

    public MembershipSnapshot(long version, IReadOnlyDictionary<SiloAddress, MembershipEntry> entries)
    {
        Version = version;
        Entries = entries;
        ActiveSilos = [.. entries.Values.Where(e => e.Status == SiloStatus.Active).Select(e => e.Silo).OrderBy(s => s.ToString(), StringComparer.Ordinal)];
    }

    /// <summary>Increases whenever the set of silos or their statuses change.</summary>
    public long Version { get; }

    public IReadOnlyDictionary<SiloAddress, MembershipEntry> Entries { get; }

    /// <summary>Silos that accept new activations, in a stable order.</summary>
    public IReadOnlyList<SiloAddress> ActiveSilos { get; }

    /// <summary>
    /// Whether the silo is known to be gone: its row says dead, or it has no row while a later incarnation on the
    /// same endpoint has one.
    /// </summary>
    public bool IsDead(SiloAddress silo)
    {
        if (Entries.TryGetValue(silo, out var entry))
        {
            return entry.Status == SiloStatus.Dead;
        }

        return HasLaterIncarnation(silo);
    }

    public bool HasSameStatuses(IReadOnlyDictionary<SiloAddress, MembershipEntry> entries) =>
        entries.Count == Entries.Count
        && entries.All(e => Entries.TryGetValue(e.Key, out var mine) && mine.Status == e.Value.Status);

    // Kept out of IsDead: a lambda capturing the parameter there would allocate its closure on every call, known
    // silo or not, and IsDead runs on every grain call.
    private bool HasLaterIncarnation(SiloAddress silo) =>
        Entries.Keys.Any(s => s.Host == silo.Host && s.Port == silo.Port && s.Generation > silo.Generation);
}
