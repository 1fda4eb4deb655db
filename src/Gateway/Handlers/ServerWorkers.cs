using System.Text.Json;
using System.Text.Json.Nodes;
using TaskActors.Gateway.JsonRpc;
using TaskActors.Gateway.Tasks;
using TaskActors.Grains.Abstractions.Servers;

namespace TaskActors.Gateway.Handlers;

/// <summary>Sends plain requests (resources, prompts, completion) to a server worker grain somewhere in the cluster.</summary>
internal sealed class ServerWorkers(IGrainFactory grains, TaskContextFactory contexts)
{
    /// <summary>How many worker activations per server share the load.</summary>
    private const int Shards = 8;

    public async Task<McpReply> InvokeAsync(McpCall call, string server, JsonNode parameters, CancellationToken cancellationToken)
    {
        var worker = grains.GetGrain<IServerWorkerGrain>($"{server}#{Random.Shared.Next(Shards)}");
        var invocation = new ServerInvocation
        {
            Method = call.Message.Method!,
            Params = JsonSerializer.SerializeToElement(parameters, Grains.Abstractions.GrainsAbstractionsJsonContext.Default.JsonNode),
            Context = contexts.Create(call, taskId: string.Empty, server, tool: string.Empty, exposedTool: string.Empty, arguments: null, progressToken: null),
        };
        var result = await worker.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        if (result.Error is { } error)
        {
            throw new McpRequestException(error.Code, error.Message, TaskWire.ToNode(error.Data));
        }

        return new ResultReply(TaskWire.ToNode(result.Result) ?? new JsonObject());
    }
}
