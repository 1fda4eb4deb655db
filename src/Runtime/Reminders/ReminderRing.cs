using TaskActors.Runtime.Abstractions.Identity;
using TaskActors.Runtime.Identity;

namespace TaskActors.Runtime.Reminders;

/// <summary>
/// The consistent-hash ring that splits reminder ownership between active silos: each silo owns the grain hashes
/// from its predecessor's point (exclusive) to its own (inclusive). Every silo computes the same ring from the same
/// membership snapshot.
/// </summary>
internal static class ReminderRing
{
    /// <summary>The range (begin, end] owned by <paramref name="silo"/>, or null when it is not on the ring.</summary>
    public static (uint Begin, uint End)? RangeOf(SiloAddress silo, IReadOnlyList<SiloAddress> activeSilos)
    {
        if (!activeSilos.Contains(silo))
        {
            return null;
        }

        var points = activeSilos.Select(PointOf).Order().ToList();
        var mine = PointOf(silo);
        var index = points.IndexOf(mine);
        var previous = points[(index - 1 + points.Count) % points.Count];
        return (previous, mine);
    }

    public static bool Contains((uint Begin, uint End) range, uint hash) =>
        range.Begin < range.End
            ? hash > range.Begin && hash <= range.End
            : range.Begin == range.End || hash > range.Begin || hash <= range.End;

    public static bool Contains((uint Begin, uint End) range, GrainId grainId) => Contains(range, grainId.GetUniformHashCode());

    private static uint PointOf(SiloAddress silo) => StableHash.Compute(silo.ToString());
}
