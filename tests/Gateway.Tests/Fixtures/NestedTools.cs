using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol.Server;
using TaskActors.Grains.Abstractions.Servers;
using TaskActors.Servers.Context;
using TaskActors.Servers.Definition;

namespace TaskActors.Gateway.Tests.Fixtures;

/// <summary>
/// Tools mounted at several depths of the "mounts" server: <c>here</c> declares no task support (so its server's
/// <c>WithTaskSupport</c> default applies), <c>here_now</c> declares forbidden (the per-tool override).
/// </summary>
[McpServerToolType]
public sealed class NestedTools
{
    [McpServerTool(Name = "here"), Description("Names the server the tool runs in; task support from the server's default.")]
    public static string Here(McpTaskContext context) => Describe(context);

    [McpServerTool(Name = "here_now"), Description("Names the server the tool runs in; never as a task."), TaskSupport(ToolTaskSupport.Forbidden)]
    public static string HereNow(McpTaskContext context) => Describe(context);

    private static string Describe(McpTaskContext context) => JsonSerializer.Serialize(new Dictionary<string, string?>
    {
        ["path"] = context.Server.Path,
        ["name"] = context.Server.Name,
        ["background"] = context.IsBackgroundTask ? "true" : "false",
    });
}
