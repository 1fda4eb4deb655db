namespace TaskActors.Storage.Records;

/// <summary>
/// Implemented by a grain state type whose records expire or are indexed: the storage asks it, at every write, for the
/// record's expiry and index entry, so both are written in the same compare-and-set as the state itself.
/// </summary>
public interface IStoredState
{
    /// <summary>The expiry and index entry of the record the next write stores.</summary>
    StateRecordPolicy StoragePolicy { get; }
}
