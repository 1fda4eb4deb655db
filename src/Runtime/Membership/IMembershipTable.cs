using TaskActors.Runtime.Identity;

namespace TaskActors.Runtime.Membership;

/// <summary>
/// The shared table of silos and their heartbeats. Every change of a row is a compare-and-set on its ETag; a heartbeat
/// changes the ETag too, so a silo that is alive cannot be declared dead from a stale read. Implemented in memory and on Redis.
/// </summary>
public interface IMembershipTable
{
    /// <summary>Reads every row.</summary>
    Task<IReadOnlyList<MembershipRow>> ReadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads one silo's row, or null.</summary>
    Task<MembershipRow?> ReadRowAsync(SiloAddress silo, CancellationToken cancellationToken = default);

    /// <summary>Adds a row; returns its ETag, or null when the silo already has a row.</summary>
    Task<string?> InsertRowAsync(MembershipEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Replaces a row if its ETag is still <paramref name="etag"/>; returns the new ETag, or null when it changed or is gone.</summary>
    Task<string?> UpdateRowAsync(MembershipEntry entry, string etag, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a heartbeat. Returns false, changing nothing, when the silo has no row or its row says
    /// <see cref="SiloStatus.Dead"/>: the silo was declared dead and must stop.
    /// </summary>
    Task<bool> UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset iAmAliveTime, CancellationToken cancellationToken = default);

    /// <summary>Deletes rows of dead silos whose last heartbeat is before <paramref name="before"/>; returns how many.</summary>
    Task<int> DeleteDefunctRowsAsync(DateTimeOffset before, CancellationToken cancellationToken = default);
}
