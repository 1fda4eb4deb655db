using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TaskActors.Runtime.Configuration;
using TaskActors.Runtime.Identity;

namespace TaskActors.Runtime.Membership;

/// <summary>Writes this silo's I-am-alive time every <c>Membership:IAmAlivePeriod</c>; stops the silo if it finds itself declared dead.</summary>
internal sealed partial class MembershipHeartbeatService(
    IMembershipTable table,
    LocalEndpoint endpoint,
    IOptions<MembershipOptions> options,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<MembershipHeartbeatService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var silo = endpoint.SiloAddress!;
        try
        {
            using var timer = new PeriodicTimer(options.Value.IAmAlivePeriod, timeProvider);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                bool alive;
                try
                {
                    alive = await table.UpdateIAmAliveAsync(silo, timeProvider.GetUtcNow(), stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One failed heartbeat is not fatal; the death timeout spans several periods.
                    LogHeartbeatFailed(logger, silo, ex);
                    continue;
                }

                if (!alive && lifetime.ApplicationStopping.IsCancellationRequested)
                {
                    return; // Graceful shutdown wrote our dead status itself.
                }

                if (!alive)
                {
                    LogDeclaredDead(logger, silo);
                    lifetime.StopApplication();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogLoopFailed(logger, ex);
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat of silo {SiloAddress} failed")]
    private static partial void LogHeartbeatFailed(ILogger logger, SiloAddress siloAddress, Exception exception);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Silo {SiloAddress} was declared dead by the cluster; stopping")]
    private static partial void LogDeclaredDead(ILogger logger, SiloAddress siloAddress);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The membership heartbeat loop failed; stopping the process")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);
}
