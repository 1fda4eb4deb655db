using TaskActors.Runtime.Abstractions.Persistence;

namespace TaskActors.Runtime.Persistence;

/// <summary>One stored state record: the serialized state, its ETag, its expiry and its index entry.</summary>
/// <param name="Data">The state as UTF-8 JSON.</param>
/// <param name="ETag">The record's current ETag.</param>
/// <param name="ExpiresAt">When the record expires, or null.</param>
/// <param name="Index">The index partition the record is listed in, or null.</param>
public sealed record GrainStateRecord(ReadOnlyMemory<byte> Data, string ETag, DateTimeOffset? ExpiresAt, StateIndexEntry? Index = null);
