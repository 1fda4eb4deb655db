using System.ComponentModel;
using ModelContextProtocol.Server;
using TaskActors.Grains.Abstractions.Servers;
using TaskActors.SampleServers.Tasks;
using TaskActors.Servers.Context;
using TaskActors.Servers.Definition;

namespace TaskActors.SampleServers.Child;

/// <summary>The child server's failover fixture: <c>child_slow_whoami</c>, whose report shows the run kept the child's context.</summary>
/// <param name="timeProvider">The clock the wait runs on.</param>
/// <param name="silo">The silo the tool runs in; null where no silo hosts it (tests of the handlers alone).</param>
[McpServerToolType]
internal sealed class ChildFailoverTools(TimeProvider timeProvider, ILocalSiloDetails? silo = null)
{
    [McpServerTool(Name = "slow_whoami")]
    [Description("Waits the given number of seconds (cancellable), then returns JSON: what the child's whoami returns (under \"whoami\", server path samples/child), the silo that ran it and when that run started. May run as a task.")]
    [TaskSupport(ToolTaskSupport.Optional)]
    public async Task<string> SlowWhoAmI(McpTaskContext context, [Description("How long to wait first, 0 to 3600")] double seconds, CancellationToken cancellationToken) =>
        (await SlowWhoAmIReport.RunAsync(context, seconds, silo, timeProvider, cancellationToken)).ToJson();
}
