using TaskActors.Runtime.Abstractions.Identity;

namespace TaskActors.Runtime.Persistence;

/// <summary>A record found by an index query.</summary>
/// <param name="GrainId">The grain the record belongs to.</param>
/// <param name="Record">The record.</param>
public sealed record IndexedGrainState(GrainId GrainId, GrainStateRecord Record);
