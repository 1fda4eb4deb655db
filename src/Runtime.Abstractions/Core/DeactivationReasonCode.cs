namespace TaskActors.Runtime.Abstractions.Core;

/// <summary>Why an activation is being deactivated.</summary>
public enum DeactivationReasonCode
{
    /// <summary>The grain asked for it with <see cref="Grain.DeactivateOnIdle"/>.</summary>
    ApplicationRequested,

    /// <summary>The activation was idle longer than its collection age.</summary>
    ActivationIdle,

    /// <summary>The silo is shutting down.</summary>
    ShuttingDown,

    /// <summary>A state write lost an ETag race: another activation wrote newer state, so this one is stale.</summary>
    InconsistentState,

    /// <summary>Activation failed (state read or <see cref="Grain.OnActivateAsync"/> threw).</summary>
    ActivationFailed,

    /// <summary>Another activation of the same grain won the directory registration.</summary>
    DuplicateActivation,
}
