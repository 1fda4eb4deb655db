using TaskActors.Gateway.Tests.Fixtures;
using TaskActors.Gateway.Tests.Infrastructure;
using TaskActors.Gateway.Tests.Tasks;
using TaskActors.Grains.Abstractions.Tasks;
using Orleans.TestingHost;
using TaskActors.TestKit;

namespace TaskActors.Gateway.Tests.Sessions;

/// <summary>The crash-and-re-drive step of the cluster tests: a gated task loses its silo and runs again on a survivor.</summary>
internal static class SiloCrash
{
    /// <summary>
    /// Kills the silo holding the task abruptly, waits until it is declared dead, asks for the task (which reactivates it
    /// on a survivor) and waits until its run has entered the gate again. Returns the killed silo and the tasks/get answer.
    /// </summary>
    public static async Task<(InProcessSiloHandle Holder, RpcResult Status)> KillHolderAndAwaitReDriveAsync(GatewayTestHost host, McpHttpClient client, string scope, string taskId, string gate, CancellationToken cancellationToken)
    {
        var cluster = host.Cluster!;
        var holder = cluster.HolderOf(GrainId.Create("task", TaskKey.Format(scope, taskId))) ?? throw new InvalidOperationException($"No silo holds task {taskId}.");
        await cluster.KillSiloAsync(holder);
        await cluster.WaitForSiloDeclaredDeadAsync(holder.SiloAddress, TestTimeouts.Recovery, cancellationToken);
        var status = await client.TaskRequestAsync("tasks/get", taskId, cancellationToken);
        await Eventually.WaitUntilAsync(() => TestGates.EntryCount(gate) >= 2, "the task's run is started again", cancellationToken: cancellationToken);
        return (holder, status);
    }
}
