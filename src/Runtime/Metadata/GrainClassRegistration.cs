namespace TaskActors.Runtime.Metadata;

/// <summary>A grain class this silo can activate, added by <c>AddGrain&lt;T&gt;()</c> or <c>AddGrains(assembly)</c>.</summary>
/// <param name="ClassType">The grain class.</param>
public sealed record GrainClassRegistration(Type ClassType);
