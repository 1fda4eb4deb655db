using TaskActors.Runtime.Abstractions.Identity;
using TaskActors.Runtime.Identity;

namespace TaskActors.Runtime.Placement;

/// <summary>Chooses the silo on which a grain without an activation is activated.</summary>
internal interface IPlacementDirector
{
    /// <summary>Picks an active silo, avoiding <paramref name="avoid"/> when there is another choice.</summary>
    /// <exception cref="Abstractions.Exceptions.SiloUnavailableException">No silo is active.</exception>
    SiloAddress Place(GrainId grainId, IReadOnlySet<SiloAddress> avoid);
}
