namespace TaskActors.Storage.Records;

/// <summary>
/// Puts a state record into a queryable partition, ordered by a sort key, written atomically with the record (no extra
/// write). For example, a task's record is indexed under its requestor with its creation time as sort key.
/// </summary>
/// <param name="Partition">The partition the record is listed in.</param>
/// <param name="SortKey">The ordering key within the partition (ordinal order; no newlines); unique per partition.</param>
public readonly record struct StateIndexEntry(string Partition, string SortKey);
