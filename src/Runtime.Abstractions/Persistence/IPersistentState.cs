namespace TaskActors.Runtime.Abstractions.Persistence;

/// <summary>
/// One named piece of durable grain state, injected into a grain constructor with <see cref="PersistentStateAttribute"/>.
/// It is read before <see cref="Core.Grain.OnActivateAsync"/>; every write is a compare-and-set on <see cref="Etag"/>.
/// </summary>
/// <typeparam name="TState">The state type; serialized with the runtime's source-generated JSON options.</typeparam>
public interface IPersistentState<TState>
    where TState : class, new()
{
    /// <summary>The current state; a new <typeparamref name="TState"/> when no record exists.</summary>
    TState State { get; set; }

    /// <summary>The ETag of the stored record this activation last read or wrote; null when there is none.</summary>
    string? Etag { get; }

    /// <summary>Whether a stored record exists.</summary>
    bool RecordExists { get; }

    /// <summary>When the stored record expires; applied by the next write. Null (the default) never expires.</summary>
    DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>The index partition the record is listed in; applied by the next write. Null (the default) lists it nowhere.</summary>
    StateIndexEntry? Index { get; set; }

    /// <summary>Re-reads the stored record, replacing <see cref="State"/>.</summary>
    Task ReadStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes <see cref="State"/> if the stored ETag still equals <see cref="Etag"/>.</summary>
    /// <exception cref="InconsistentStateException">Another writer changed the record; this activation is stale.</exception>
    Task WriteStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes the stored record if its ETag still equals <see cref="Etag"/>, and resets <see cref="State"/>.</summary>
    /// <exception cref="InconsistentStateException">Another writer changed the record; this activation is stale.</exception>
    Task ClearStateAsync(CancellationToken cancellationToken = default);
}
