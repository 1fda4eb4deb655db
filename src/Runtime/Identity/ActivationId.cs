namespace TaskActors.Runtime.Identity;

/// <summary>Identifies one activation of a grain; a grain re-activated after deactivation has a new one.</summary>
/// <param name="Value">The unique value.</param>
public readonly record struct ActivationId(Guid Value)
{
    /// <summary>Creates a new random activation id.</summary>
    public static ActivationId NewId() => new(Guid.NewGuid());

    /// <inheritdoc />
    public override string ToString() => Value.ToString("N");
}
