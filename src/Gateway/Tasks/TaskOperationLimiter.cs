using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using TaskActors.Gateway.Configuration;

namespace TaskActors.Gateway.Tasks;

/// <summary>
/// A token bucket per requestor over task operations (creating, getting, awaiting, listing and cancelling tasks), against
/// denial of service and task-id enumeration. It counts per gateway replica: with N replicas a requestor may reach N times
/// the configured rate.
/// </summary>
internal sealed class TaskOperationLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public TaskOperationLimiter(IOptions<GatewayOptions> options)
    {
        var perSecond = options.Value.TaskOperationsPerSecond;
        _limiter = PartitionedRateLimiter.Create<string, string>(requestor => RateLimitPartition.GetTokenBucketLimiter(requestor, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perSecond * 2,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Takes one operation from the requestor's bucket; false when it is empty.</summary>
    public bool TryAcquire(string requestor)
    {
        using var lease = _limiter.AttemptAcquire(requestor);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
