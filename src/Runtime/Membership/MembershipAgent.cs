using Microsoft.Extensions.Logging;
using TaskActors.Runtime.Identity;

namespace TaskActors.Runtime.Membership;

/// <summary>Writes this silo's own row through its life: joining, active, shutting down, dead.</summary>
internal sealed partial class MembershipAgent(
    MembershipView view,
    LocalEndpoint endpoint,
    TimeProvider timeProvider,
    ILogger<MembershipAgent> logger)
{
    private DateTimeOffset _startTime;

    public SiloAddress Silo => endpoint.SiloAddress ?? throw new InvalidOperationException("A client has no membership row.");

    public async Task JoinAsync(CancellationToken cancellationToken)
    {
        _startTime = timeProvider.GetUtcNow();
        var entry = new MembershipEntry
        {
            Silo = Silo,
            SiloName = endpoint.Name,
            Status = SiloStatus.Joining,
            StartTime = _startTime,
            IAmAliveTime = _startTime,
        };
        if (await view.Table.InsertRowAsync(entry, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new InvalidOperationException($"Silo {Silo} already has a membership row; silo addresses must be unique per incarnation.");
        }

        await view.RefreshAsync(cancellationToken).ConfigureAwait(false);
        LogStatus(logger, endpoint.Name, Silo, SiloStatus.Joining);
    }

    public Task BecomeActiveAsync(CancellationToken cancellationToken) => SetStatusAsync(SiloStatus.Active, cancellationToken);

    public Task ShutDownAsync(CancellationToken cancellationToken) => SetStatusAsync(SiloStatus.ShuttingDown, cancellationToken);

    public Task LeaveAsync(CancellationToken cancellationToken) => SetStatusAsync(SiloStatus.Dead, cancellationToken);

    private async Task SetStatusAsync(SiloStatus status, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var row = await view.Table.ReadRowAsync(Silo, cancellationToken).ConfigureAwait(false);
            if (row is null || row.Entry.Status == SiloStatus.Dead)
            {
                throw new SiloDeclaredDeadException($"Silo {Silo} was declared dead by the cluster; it cannot become {status}.");
            }

            var updated = row.Entry with { Status = status, IAmAliveTime = timeProvider.GetUtcNow() };
            if (await view.Table.UpdateRowAsync(updated, row.ETag, cancellationToken).ConfigureAwait(false) is not null)
            {
                await view.RefreshAsync(cancellationToken).ConfigureAwait(false);
                LogStatus(logger, endpoint.Name, Silo, status);
                return;
            }
        }

        throw new InvalidOperationException($"Silo {Silo} could not write status {status}: its membership row kept changing.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Silo {SiloName} ({SiloAddress}) is {Status}")]
    private static partial void LogStatus(ILogger logger, string siloName, SiloAddress siloAddress, SiloStatus status);
}
