namespace TaskActors.Runtime.Abstractions.Persistence;

/// <summary>
/// A state write or clear lost a compare-and-set: the stored ETag is not the one the writer last saw.
/// The runtime deactivates the activation that receives it, because its in-memory state is stale.
/// </summary>
public sealed class InconsistentStateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InconsistentStateException()
        : this("The stored state changed since it was read.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public InconsistentStateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the provider error behind it.</summary>
    public InconsistentStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception naming both ETags.</summary>
    public InconsistentStateException(string message, string? storedEtag, string? expectedEtag)
        : base(message)
    {
        StoredEtag = storedEtag;
        ExpectedEtag = expectedEtag;
    }

    /// <summary>The ETag in storage, when known (null: no record).</summary>
    public string? StoredEtag { get; }

    /// <summary>The ETag the writer expected (null: expected no record).</summary>
    public string? ExpectedEtag { get; }
}
