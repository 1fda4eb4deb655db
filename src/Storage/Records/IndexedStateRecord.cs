namespace TaskActors.Storage.Records;

/// <summary>A record found through an index query, with the grain it belongs to.</summary>
/// <param name="GrainId">The grain.</param>
/// <param name="Record">The record.</param>
public sealed record IndexedStateRecord(GrainId GrainId, StateRecord Record);
