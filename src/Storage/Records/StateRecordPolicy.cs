namespace TaskActors.Storage.Records;

/// <summary>How a state's next write is stored: when the record expires and where it is listed.</summary>
/// <param name="ExpiresAt">When the record expires; null for never.</param>
/// <param name="Index">The index partition to list it in; null for none.</param>
public readonly record struct StateRecordPolicy(DateTimeOffset? ExpiresAt, StateIndexEntry? Index);
