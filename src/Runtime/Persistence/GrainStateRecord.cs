namespace TaskActors.Runtime.Persistence;

/// <summary>One stored state record: the serialized state, its ETag and its expiry.</summary>
/// <param name="Data">The state as UTF-8 JSON.</param>
/// <param name="ETag">The record's current ETag.</param>
/// <param name="ExpiresAt">When the record expires, or null.</param>
public sealed record GrainStateRecord(ReadOnlyMemory<byte> Data, string ETag, DateTimeOffset? ExpiresAt);
