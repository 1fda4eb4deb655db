using System.ComponentModel;
using ModelContextProtocol.Server;
using TaskActors.Grains.Abstractions.Servers;
using TaskActors.Servers.Context;
using TaskActors.Servers.Definition;

namespace TaskActors.Gateway.Tests.Fixtures;

/// <summary>The mounted child server's tools.</summary>
[McpServerToolType]
public sealed class ChildTools
{
    [McpServerTool(Name = "where"), Description("Names the server the tool runs in."), TaskSupport(ToolTaskSupport.Optional)]
    public static string Where(McpTaskContext context) => context.Server.Path;
}
