namespace TaskActors.Runtime.Abstractions.Core;

/// <summary>Marker for grain interfaces. Every method returns <see cref="Task"/> or <see cref="ValueTask"/>.</summary>
public interface IGrain;
