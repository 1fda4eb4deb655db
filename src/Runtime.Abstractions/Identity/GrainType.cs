namespace TaskActors.Runtime.Abstractions.Identity;

/// <summary>The type part of a grain identity, for example <c>task</c>; it selects the grain class on a silo.</summary>
/// <remarks>Grain types are lower-case ASCII letters, digits, '.', '-' and '_', so they can appear unescaped in keys and routes.</remarks>
public readonly record struct GrainType
{
    /// <summary>Creates a grain type after checking its characters.</summary>
    /// <param name="value">The type name.</param>
    public GrainType(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        foreach (var c in value)
        {
            if (!IsAllowed(c))
            {
                throw new ArgumentException($"Grain type '{value}' contains '{c}'; only a-z, 0-9, '.', '-' and '_' are allowed.", nameof(value));
            }
        }

        Value = value;
    }

    /// <summary>The type name.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override string ToString() => Value;

    private static bool IsAllowed(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-' or '_';
}
