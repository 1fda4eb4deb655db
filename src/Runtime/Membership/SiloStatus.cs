namespace TaskActors.Runtime.Membership;

/// <summary>Where a silo is in its life, as written in the membership table.</summary>
public enum SiloStatus
{
    /// <summary>Started, not yet accepting grain placements.</summary>
    Joining,

    /// <summary>Accepting calls and new activations.</summary>
    Active,

    /// <summary>Draining: finishing its turns, deactivating, accepting no new activations.</summary>
    ShuttingDown,

    /// <summary>Gone, either by graceful shutdown or declared dead after missing heartbeats. Never changes again.</summary>
    Dead,
}
