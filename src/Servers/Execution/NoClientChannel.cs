using ModelContextProtocol;
using TaskActors.Grains.Abstractions.Tasks;

namespace TaskActors.Servers.Execution;

/// <summary>The channel of plain resource, prompt and completion requests: they have no stream to the client.</summary>
internal sealed class NoClientChannel : IClientChannel
{
    public static readonly NoClientChannel Instance = new();

    public Task NotifyAsync(TaskNotification notification, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<TaskInputAnswer> RequestAsync(TaskInputRequest request, CancellationToken cancellationToken) =>
        throw new McpException($"'{request.Method}' cannot be sent while handling a resource, prompt or completion request; only tools can ask the client.");
}
