namespace TaskActors.Runtime.Activation;

/// <summary>The life of one activation.</summary>
internal enum ActivationState
{
    /// <summary>Registering in the directory, reading state, running OnActivateAsync; calls wait.</summary>
    Activating,

    /// <summary>Running calls.</summary>
    Valid,

    /// <summary>Draining running calls, running OnDeactivateAsync, unregistering; new calls wait for its successor.</summary>
    Deactivating,

    /// <summary>Gone from the catalog.</summary>
    Invalid,
}
