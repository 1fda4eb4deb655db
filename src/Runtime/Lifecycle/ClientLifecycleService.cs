using Microsoft.Extensions.Hosting;
using TaskActors.Runtime.Identity;
using TaskActors.Runtime.Membership;

namespace TaskActors.Runtime.Lifecycle;

/// <summary>Reads membership before a client's first call, so placement knows the active silos.</summary>
internal sealed class ClientLifecycleService(MembershipView membership, LocalEndpoint endpoint, RuntimeStatus status) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await membership.RefreshAsync(cancellationToken);
        status.Set(true, $"client {endpoint.Name} is connected");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        status.Set(false, $"client {endpoint.Name} is stopping");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
