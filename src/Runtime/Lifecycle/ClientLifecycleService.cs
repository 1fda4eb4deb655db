using Microsoft.Extensions.Hosting;
using TaskActors.Runtime.Membership;

namespace TaskActors.Runtime.Lifecycle;

/// <summary>Reads membership before a client's first call, so placement knows the active silos.</summary>
internal sealed class ClientLifecycleService(MembershipView membership) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken) => await membership.RefreshAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
