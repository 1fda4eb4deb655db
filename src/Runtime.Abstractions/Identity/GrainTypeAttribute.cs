namespace TaskActors.Runtime.Abstractions.Identity;

/// <summary>
/// Gives a grain interface or class a stable grain type name, for example <c>[GrainType("task")]</c>.
/// Without it the type is derived from the name: <c>ITaskGrain</c> and <c>TaskGrain</c> both become <c>task</c>.
/// </summary>
/// <param name="name">The grain type name.</param>
[AttributeUsage(AttributeTargets.Interface | AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    /// <summary>The grain type name.</summary>
    public string Name { get; } = name;
}
