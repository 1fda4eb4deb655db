using TaskActors.Runtime.Abstractions.Exceptions;
using TaskActors.Runtime.Abstractions.Identity;
using TaskActors.Runtime.Identity;
using TaskActors.Runtime.Membership;

namespace TaskActors.Runtime.Placement;

/// <summary>Places grains on a random active silo, which spreads activations (and the tool runs of task grains) evenly.</summary>
internal sealed class RandomPlacementDirector(MembershipView view) : IPlacementDirector
{
    public SiloAddress Place(GrainId grainId, IReadOnlySet<SiloAddress> avoid)
    {
        var active = view.Current.ActiveSilos;
        if (active.Count == 0)
        {
            throw new SiloUnavailableException($"No silo is active to place grain {grainId}; the membership table lists none.");
        }

        if (avoid.Count > 0)
        {
            var preferred = active.Where(s => !avoid.Contains(s)).ToList();
            if (preferred.Count > 0)
            {
                return preferred[Random.Shared.Next(preferred.Count)];
            }
        }

        return active[Random.Shared.Next(active.Count)];
    }
}
