using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TaskActors.Runtime.Configuration;
using TaskActors.Runtime.Directory;
using TaskActors.Runtime.Identity;
using TaskActors.Runtime.Lifecycle;

namespace TaskActors.Runtime.Membership;

/// <summary>
/// Re-reads the membership table every <c>Membership:TableRefreshPeriod</c>. In a silo it is also the failure
/// detector: a silo whose heartbeat is older than <c>Membership:DeathTimeout</c> is declared dead by a compare-and-set
/// on its row (a fresh heartbeat changes the ETag, so a live silo is never declared dead from a stale read), and the
/// directory entries pointing at it are removed.
/// </summary>
internal sealed partial class MembershipRefreshService(
    MembershipView view,
    IGrainDirectory directory,
    LocalEndpoint endpoint,
    IOptions<MembershipOptions> options,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<MembershipRefreshService> logger) : PeriodicBackgroundService(timeProvider, lifetime, logger)
{
    private readonly MembershipOptions _options = options.Value;

    protected override TimeSpan Period => _options.TableRefreshPeriod;

    protected override Task TickAsync(CancellationToken stoppingToken) => RefreshOnceAsync(stoppingToken);

    /// <summary>One refresh; in a silo also one round of failure detection.</summary>
    public async Task RefreshOnceAsync(CancellationToken cancellationToken)
    {
        var rows = await view.Table.ReadAllAsync(cancellationToken);
        if (endpoint.SiloAddress is { } self)
        {
            if (rows.FirstOrDefault(r => r.Entry.Silo == self) is { Entry.Status: SiloStatus.Dead } && !Lifetime.ApplicationStopping.IsCancellationRequested)
            {
                LogSelfDead(logger, self);
                Lifetime.StopApplication();
            }

            if (await DeclareStaleSilosDeadAsync(rows, self, cancellationToken))
            {
                rows = await view.Table.ReadAllAsync(cancellationToken);
            }
        }

        view.Apply(rows);
    }

    private async Task<bool> DeclareStaleSilosDeadAsync(IReadOnlyList<MembershipRow> rows, SiloAddress self, CancellationToken cancellationToken)
    {
        var now = TimeProvider.GetUtcNow();
        var declared = new List<SiloAddress>();
        foreach (var row in rows)
        {
            var entry = row.Entry;
            if (entry.Silo == self || entry.Status == SiloStatus.Dead || now - entry.IAmAliveTime <= _options.DeathTimeout)
            {
                continue;
            }

            var dead = entry with { Status = SiloStatus.Dead };
            if (await view.Table.UpdateRowAsync(dead, row.ETag, cancellationToken) is not null)
            {
                LogDeclaredDead(logger, entry.SiloName, entry.Silo, now - entry.IAmAliveTime);
                declared.Add(entry.Silo);
            }
        }

        if (declared.Count > 0)
        {
            await directory.UnregisterSilosAsync(declared, cancellationToken);
        }

        await view.Table.DeleteDefunctRowsAsync(now - _options.DefunctSiloExpiration, cancellationToken);
        return declared.Count > 0;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Declared silo {SiloName} ({SiloAddress}) dead: no heartbeat for {Silence}")]
    private static partial void LogDeclaredDead(ILogger logger, string siloName, SiloAddress siloAddress, TimeSpan silence);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Silo {SiloAddress} finds itself declared dead in the membership table; stopping")]
    private static partial void LogSelfDead(ILogger logger, SiloAddress siloAddress);
}
