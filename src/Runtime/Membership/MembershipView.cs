using Microsoft.Extensions.Logging;
using TaskActors.Runtime.Identity;

namespace TaskActors.Runtime.Membership;

/// <summary>
/// This process's cached copy of the membership table, refreshed periodically and on demand. Redis (or the in-memory
/// table) is the truth; the view only caches it and tells subscribers when statuses change.
/// </summary>
internal sealed partial class MembershipView(IMembershipTable table, ILogger<MembershipView> logger)
{
    private readonly Lock _lock = new();
    private readonly List<Action<MembershipSnapshot>> _subscribers = [];
    private MembershipSnapshot _current = MembershipSnapshot.Empty;

    public MembershipSnapshot Current => Volatile.Read(ref _current);

    public IMembershipTable Table => table;

    /// <summary>Calls <paramref name="onChange"/> after every change of statuses, on the refreshing thread.</summary>
    public IDisposable Subscribe(Action<MembershipSnapshot> onChange)
    {
        lock (_lock)
        {
            _subscribers.Add(onChange);
        }

        return new Subscription(this, onChange);
    }

    /// <summary>Re-reads the table and publishes a new snapshot when anything changed; returns the rows read.</summary>
    public async Task<IReadOnlyList<MembershipRow>> RefreshAsync(CancellationToken cancellationToken)
    {
        var rows = await table.ReadAllAsync(cancellationToken).ConfigureAwait(false);
        Apply(rows);
        return rows;
    }

    public void Apply(IReadOnlyList<MembershipRow> rows)
    {
        var entries = rows.ToDictionary(r => r.Entry.Silo, r => r.Entry);
        MembershipSnapshot snapshot;
        Action<MembershipSnapshot>[] subscribers;
        lock (_lock)
        {
            if (_current.HasSameStatuses(entries))
            {
                Volatile.Write(ref _current, new MembershipSnapshot(_current.Version, entries));
                return;
            }

            snapshot = new MembershipSnapshot(_current.Version + 1, entries);
            Volatile.Write(ref _current, snapshot);
            subscribers = [.. _subscribers];
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
            var silos = string.Join(", ", snapshot.Entries.Values.Select(e => $"{e.SiloName}={e.Status}"));
            LogMembershipChanged(logger, snapshot.Version, silos);
        }
        foreach (var subscriber in subscribers)
        {
            try
            {
                subscriber(snapshot);
            }
            catch (Exception ex)
            {
                LogSubscriberFailed(logger, ex);
            }
        }
    }

    public bool IsDead(SiloAddress silo) => Current.IsDead(silo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Membership version {Version}: {Silos}")]
    private static partial void LogMembershipChanged(ILogger logger, long version, string silos);

    [LoggerMessage(Level = LogLevel.Error, Message = "A membership subscriber failed")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception);

    private sealed class Subscription(MembershipView view, Action<MembershipSnapshot> onChange) : IDisposable
    {
        public void Dispose()
        {
            lock (view._lock)
            {
                view._subscribers.Remove(onChange);
            }
        }
    }
}
