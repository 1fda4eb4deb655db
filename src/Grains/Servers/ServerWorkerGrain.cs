using TaskActors.Grains.Abstractions.Servers;
using TaskActors.Servers.Execution;

namespace TaskActors.Grains.Servers;

/// <summary>Runs a server's resource, prompt and completion handlers on its silo.</summary>
[GrainType("server-worker")]
internal sealed class ServerWorkerGrain(ServerRequestInvoker invoker) : Grain, IServerWorkerGrain
{
    public Task<ServerInvocationResult> InvokeAsync(ServerInvocation invocation, CancellationToken cancellationToken = default) =>
        invoker.InvokeAsync(invocation, cancellationToken);
}
