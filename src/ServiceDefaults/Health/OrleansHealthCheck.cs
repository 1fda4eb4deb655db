using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace TaskActors.ServiceDefaults.Health;

/// <summary>
/// Readiness from Orleans' own status: a silo is ready while the cluster's membership lists it as active; a client
/// (a gateway of its own) once its host has started, which is when its cluster client has connected; a process
/// without Orleans is always ready. Any process is unready once it has begun to stop (a draining gateway refuses new
/// work), so that a load balancer still polling it sends clients elsewhere.
/// </summary>
internal sealed class OrleansHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("stopping"));
        }

        if (services.GetService<ILocalSiloDetails>() is { } silo && services.GetService<IClusterMembershipService>() is { } membership)
        {
            var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
            return Task.FromResult(status == SiloStatus.Active
                ? HealthCheckResult.Healthy($"silo {silo.Name} is active")
                : HealthCheckResult.Unhealthy($"silo {silo.Name} is {status}"));
        }

        if (services.GetService<IClusterClient>() is not null)
        {
            var started = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.IsCancellationRequested;
            return Task.FromResult(started ? HealthCheckResult.Healthy("cluster client connected") : HealthCheckResult.Unhealthy("cluster client connecting"));
        }

        return Task.FromResult(HealthCheckResult.Healthy("no Orleans runtime in this process"));
    }
}
