namespace TaskActors.Runtime.Abstractions.Persistence;

/// <summary>Marks a grain constructor parameter of type <see cref="IPersistentState{TState}"/> and names its record and storage.</summary>
/// <param name="stateName">The name of the state within the grain, part of its storage key.</param>
/// <param name="storageName">The name of the registered storage provider.</param>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class PersistentStateAttribute(string stateName, string storageName) : Attribute
{
    /// <summary>The name of the state within the grain.</summary>
    public string StateName { get; } = stateName;

    /// <summary>The name of the storage provider.</summary>
    public string StorageName { get; } = storageName;
}
