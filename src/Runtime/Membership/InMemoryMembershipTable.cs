using System.Globalization;
using TaskActors.Runtime.Identity;

namespace TaskActors.Runtime.Membership;

/// <summary>The membership table for the silos of one process.</summary>
public sealed class InMemoryMembershipTable : IMembershipTable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<SiloAddress, MembershipRow> _rows = [];
    private long _version;

    /// <inheritdoc />
    public Task<IReadOnlyList<MembershipRow>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<MembershipRow>>([.. _rows.Values]);
        }
    }

    /// <inheritdoc />
    public Task<MembershipRow?> ReadRowAsync(SiloAddress silo, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.GetValueOrDefault(silo));
        }
    }

    /// <inheritdoc />
    public Task<string?> InsertRowAsync(MembershipEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            if (_rows.ContainsKey(entry.Silo))
            {
                return Task.FromResult<string?>(null);
            }

            return Task.FromResult<string?>(Store(entry));
        }
    }

    /// <inheritdoc />
    public Task<string?> UpdateRowAsync(MembershipEntry entry, string etag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            if (!_rows.TryGetValue(entry.Silo, out var row) || row.ETag != etag)
            {
                return Task.FromResult<string?>(null);
            }

            return Task.FromResult<string?>(Store(entry));
        }
    }

    /// <inheritdoc />
    public Task<bool> UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset iAmAliveTime, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_rows.TryGetValue(silo, out var row) || row.Entry.Status == SiloStatus.Dead)
            {
                return Task.FromResult(false);
            }

            Store(row.Entry with { IAmAliveTime = iAmAliveTime });
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<int> DeleteDefunctRowsAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var defunct = _rows.Values.Where(r => r.Entry.Status == SiloStatus.Dead && r.Entry.IAmAliveTime < before).Select(r => r.Entry.Silo).ToList();
            foreach (var silo in defunct)
            {
                _rows.Remove(silo);
            }

            return Task.FromResult(defunct.Count);
        }
    }

    private string Store(MembershipEntry entry)
    {
        var etag = (++_version).ToString(CultureInfo.InvariantCulture);
        _rows[entry.Silo] = new MembershipRow(entry, etag);
        return etag;
    }
}
