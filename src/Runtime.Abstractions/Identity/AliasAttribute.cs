namespace TaskActors.Runtime.Abstractions.Identity;

/// <summary>
/// Gives a grain method a stable wire name, so renaming the C# member does not break callers during a rolling upgrade.
/// Without it a method is named <c>InterfaceName.MethodName</c>.
/// </summary>
/// <param name="alias">The wire name.</param>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class AliasAttribute(string alias) : Attribute
{
    /// <summary>The wire name.</summary>
    public string Alias { get; } = alias;
}
