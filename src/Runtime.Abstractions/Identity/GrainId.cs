namespace TaskActors.Runtime.Abstractions.Identity;

/// <summary>The identity of a grain: its type and its string key. Written <c>type/key</c>.</summary>
/// <param name="Type">The grain type.</param>
/// <param name="Key">The key within the type; any string, including '/'.</param>
public readonly record struct GrainId(GrainType Type, string Key)
{
    /// <summary>Creates a grain id from a type name and a key.</summary>
    public static GrainId Create(string type, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new GrainId(new GrainType(type), key);
    }

    /// <summary>Parses the <c>type/key</c> form written by <see cref="ToString"/>.</summary>
    /// <exception cref="FormatException">The text has no '/' or an invalid type.</exception>
    public static GrainId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            throw new FormatException($"'{text}' is not a grain id of the form type/key.");
        }

        try
        {
            return new GrainId(new GrainType(text[..slash]), text[(slash + 1)..]);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"'{text}' is not a grain id of the form type/key.", ex);
        }
    }

    /// <summary>A hash of the id that is the same in every process and every run (FNV-1a over UTF-8).</summary>
    /// <remarks>Used where silos must agree, such as the reminder ring; <see cref="object.GetHashCode"/> is randomized per process.</remarks>
    public uint GetUniformHashCode() => StableHash.Compute(ToString());

    /// <inheritdoc />
    public override string ToString() => $"{Type.Value}/{Key}";
}
