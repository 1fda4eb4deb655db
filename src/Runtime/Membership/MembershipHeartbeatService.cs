using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TaskActors.Runtime.Configuration;
using TaskActors.Runtime.Identity;
using TaskActors.Runtime.Lifecycle;

namespace TaskActors.Runtime.Membership;

/// <summary>Writes this silo's I-am-alive time every <c>Membership:IAmAlivePeriod</c>; stops the silo if it finds itself declared dead.</summary>
internal sealed partial class MembershipHeartbeatService(
    IMembershipTable table,
    LocalEndpoint endpoint,
    IOptions<MembershipOptions> options,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<MembershipHeartbeatService> logger) : PeriodicBackgroundService(timeProvider, lifetime, logger)
{
    protected override TimeSpan Period => options.Value.IAmAlivePeriod;

    protected override async Task TickAsync(CancellationToken stoppingToken)
    {
        var silo = endpoint.SiloAddress!;
        bool alive;
        try
        {
            alive = await table.UpdateIAmAliveAsync(silo, TimeProvider.GetUtcNow(), stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One failed heartbeat is not fatal; the death timeout spans several periods.
            LogHeartbeatFailed(logger, silo, ex);
            return;
        }

        if (!alive && !Lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Graceful shutdown writes our dead status itself; finding it otherwise means the cluster declared us dead.
            LogDeclaredDead(logger, silo);
            Lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat of silo {SiloAddress} failed")]
    private static partial void LogHeartbeatFailed(ILogger logger, SiloAddress siloAddress, Exception exception);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Silo {SiloAddress} was declared dead by the cluster; stopping")]
    private static partial void LogDeclaredDead(ILogger logger, SiloAddress siloAddress);
}
