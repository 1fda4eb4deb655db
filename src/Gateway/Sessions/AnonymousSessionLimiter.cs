using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using TaskActors.Gateway.Configuration;

namespace TaskActors.Gateway.Sessions;

/// <summary>
/// A token bucket per client address over anonymous sessions (<see cref="GatewayOptions.AnonymousSessionsPerMinute"/>):
/// an anonymous caller's task limits are per session, so without it each new session would start them afresh. It counts
/// per gateway replica; behind a proxy the address is the proxy's unless forwarded headers are configured.
/// </summary>
internal sealed class AnonymousSessionLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    /// <summary>How long a caller refused waits for the next session: one bucket replenishment.</summary>
    public TimeSpan RetryAfter { get; }

    public AnonymousSessionLimiter(IOptions<GatewayOptions> options)
    {
        var perMinute = options.Value.AnonymousSessionsPerMinute;
        RetryAfter = TimeSpan.FromMinutes(1) / perMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetTokenBucketLimiter(address, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = RetryAfter,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Takes one new session from the bucket of <paramref name="address"/>; false when it is empty.</summary>
    public bool TryAcquire(IPAddress? address)
    {
        using var lease = _limiter.AttemptAcquire(address?.ToString() ?? "unknown");
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
