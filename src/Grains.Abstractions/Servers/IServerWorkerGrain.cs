
namespace TaskActors.Grains.Abstractions.Servers;

/// <summary>
/// Runs a server's plain request handlers (resources, prompts, completion). Stateless: keyed <c>path#shard</c> so
/// calls spread over several activations across the cluster.
/// </summary>
[Alias("server-worker")]
public interface IServerWorkerGrain : IGrainWithStringKey
{
    /// <summary>Invokes the handler for the request and returns its result or JSON-RPC error.</summary>
    [Alias("server-worker.invoke")]
    Task<ServerInvocationResult> InvokeAsync(ServerInvocation invocation, CancellationToken cancellationToken = default);
}
