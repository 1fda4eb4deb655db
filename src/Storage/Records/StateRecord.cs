namespace TaskActors.Storage.Records;

/// <summary>One stored grain state: its serialized data, the ETag of the write that stored it, its expiry and index entry.</summary>
/// <param name="Data">The serialized state (UTF-8 JSON).</param>
/// <param name="ETag">The ETag of the write that stored it.</param>
/// <param name="ExpiresAt">When it expires; null for never.</param>
/// <param name="Index">The index partition it is listed in; null for none.</param>
public sealed record StateRecord(ReadOnlyMemory<byte> Data, string ETag, DateTimeOffset? ExpiresAt, StateIndexEntry? Index);
