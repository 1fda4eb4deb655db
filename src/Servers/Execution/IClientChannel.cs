using TaskActors.Grains.Abstractions.Tasks;

namespace TaskActors.Servers.Execution;

/// <summary>How a running handler reaches its client: through its task grain, or not at all.</summary>
internal interface IClientChannel
{
    /// <summary>Relays a notification (it may be dropped when no stream is open).</summary>
    Task NotifyAsync(TaskNotification notification, CancellationToken cancellationToken);

    /// <summary>Sends a request and waits for the client's answer.</summary>
    Task<TaskInputAnswer> RequestAsync(TaskInputRequest request, CancellationToken cancellationToken);
}
