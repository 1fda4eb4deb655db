using Microsoft.Extensions.DependencyInjection;

namespace TaskActors.SampleServers.Lifespan;

/// <summary>
/// The samples server's lifespan state: created once per silo when it starts, then shared by every run of the server's
/// tools on that silo, background tasks included (<c>whoami</c> reports it to prove that).
/// </summary>
internal sealed class SamplesLifespanState(DateTimeOffset startedAt)
{
    /// <summary>When the silo started the server.</summary>
    public DateTimeOffset StartedAt { get; } = startedAt;

    /// <summary>Identifies this state object, so two runs can tell whether they saw the same one.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The counts <c>tick_counter</c> runs reached, by task id.</summary>
    public TickCounterRegistry TickCounters { get; } = new();

    /// <summary>The server's lifespan (<c>WithLifespan</c>): creates the state.</summary>
    public static ValueTask<object> StartAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        ValueTask.FromResult<object>(new SamplesLifespanState(services.GetRequiredService<TimeProvider>().GetUtcNow()));
}
