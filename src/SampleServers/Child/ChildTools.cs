using System.ComponentModel;
using ModelContextProtocol.Server;
using TaskActors.Grains.Abstractions.Servers;
using TaskActors.SampleServers.Tasks;
using TaskActors.Servers.Context;
using TaskActors.Servers.Definition;

namespace TaskActors.SampleServers.Child;

/// <summary>The child server's tools; mounted under <c>child</c>, they appear as <c>child_name</c> and run in its context.</summary>
[McpServerToolType]
internal sealed class ChildTools
{
    [McpServerTool(Name = "whoami")]
    [Description("Returns the task context the child server's run sees as JSON, with the child's own server path (samples/child). May run as a task.")]
    [TaskSupport(ToolTaskSupport.Optional)]
    public static string WhoAmI(McpTaskContext context) => WhoAmIReport.Of(context).ToJson();
}
