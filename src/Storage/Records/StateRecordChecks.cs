using Orleans.Storage;

namespace TaskActors.Storage.Records;

/// <summary>The argument checks and the conflict error every record store shares.</summary>
internal static class StateRecordChecks
{
    /// <summary>Refuses an index entry that no store can keep in order (empty parts, or a newline in the sort key).</summary>
    public static void ThrowIfInvalid(StateRecordPolicy policy)
    {
        if (policy.Index is { } index && (string.IsNullOrEmpty(index.Partition) || string.IsNullOrEmpty(index.SortKey) || index.SortKey.Contains('\n', StringComparison.Ordinal)))
        {
            throw new ArgumentException("An index entry needs a partition and a sort key without newlines.", nameof(policy));
        }
    }

    /// <summary>The error of a write or clear that lost its compare-and-set.</summary>
    public static InconsistentStateException Conflict(string operation, string stateName, GrainId grainId, string? stored, string? expected) =>
        new($"Cannot {operation} state '{stateName}' of grain {grainId}: stored ETag is {stored ?? "none"}, the writer expected {expected ?? "none"}.", stored, expected);
}
