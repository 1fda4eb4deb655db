using System.Collections.Concurrent;
using TaskActors.Runtime.Directory;
using TaskActors.Runtime.Membership;
using TaskActors.Runtime.Messaging.InProcess;
using TaskActors.Runtime.Persistence;
using TaskActors.Runtime.Reminders;

namespace TaskActors.Runtime.Hosting;

/// <summary>
/// The in-memory stand-in for Redis shared by the silos (and clients) of one process: membership table, grain
/// directory, reminder table, grain storages and the in-process network. One silo with a new store is the
/// development default; several silos sharing one store form an in-process cluster for tests.
/// </summary>
/// <param name="timeProvider">The clock record expiry is measured with; the system clock by default.</param>
public sealed class LocalClusterStore(TimeProvider? timeProvider = null)
{
    private readonly ConcurrentDictionary<string, InMemoryGrainStorage> _storages = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider = timeProvider ?? TimeProvider.System;

    /// <summary>The membership table.</summary>
    public InMemoryMembershipTable Membership { get; } = new();

    /// <summary>The grain directory.</summary>
    public InMemoryGrainDirectory Directory { get; } = new();

    /// <summary>The reminder table.</summary>
    public InMemoryReminderTable Reminders { get; } = new();

    /// <summary>The network between the silos of this process.</summary>
    public InProcessSiloNetwork Network { get; } = new();

    /// <summary>The grain storages created so far, by name.</summary>
    public IReadOnlyDictionary<string, InMemoryGrainStorage> Storages => _storages;

    /// <summary>Returns the grain storage of the given name, creating it on first use.</summary>
    public InMemoryGrainStorage GetStorage(string name) => _storages.GetOrAdd(name, _ => new InMemoryGrainStorage(_timeProvider));
}
