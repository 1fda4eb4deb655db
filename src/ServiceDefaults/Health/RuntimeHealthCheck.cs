using Microsoft.Extensions.Diagnostics.HealthChecks;
using TaskActors.Runtime.Lifecycle;

namespace TaskActors.ServiceDefaults.Health;

/// <summary>Ready while the process's silo or client serves grain calls; a process without the runtime is always ready.</summary>
internal sealed class RuntimeHealthCheck(IRuntimeStatus? status = null) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status switch
        {
            null => HealthCheckResult.Healthy("no actor runtime in this process"),
            { IsReady: true } => HealthCheckResult.Healthy(status.Description),
            _ => HealthCheckResult.Unhealthy(status.Description),
        });
}
