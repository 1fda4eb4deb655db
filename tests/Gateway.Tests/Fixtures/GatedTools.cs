using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol.Server;
using TaskActors.Grains.Abstractions.Servers;
using TaskActors.Servers.Context;
using TaskActors.Servers.Definition;

namespace TaskActors.Gateway.Tests.Fixtures;

/// <summary>Tools that wait at a gate before they do their part, so a test can set the stage first (a stream, a crash).</summary>
[McpServerToolType]
public sealed class GatedTools
{
    [McpServerTool(Name = "gated_whoami"), Description("Waits at the gate, then describes the task context, its token and its silo."), TaskSupport(ToolTaskSupport.Optional)]
    public static async Task<string> GatedWhoAmI(McpTaskContext context, ILocalSiloDetails silo, [Description("The gate name.")] string gate)
    {
        TestGates.Entered(gate, context);
        await TestGates.WaitAsync(gate, context.CancellationToken);
        var description = FixtureTools.Describe(context);
        description["serverName"] = context.Server.Name;
        description["silo"] = silo.SiloAddress.ToString();
        description["token"] = context.AccessToken?.Token;
        description["scopes"] = context.AccessToken is { } token ? string.Join(' ', token.Scopes) : null;
        return JsonSerializer.Serialize(description);
    }

    [McpServerTool(Name = "gated_progress"), Description("Waits at the gate, then reports progress three times."), TaskSupport(ToolTaskSupport.Optional)]
    public static async Task<string> GatedProgress(McpTaskContext context, [Description("The gate name.")] string gate)
    {
        TestGates.Entered(gate, context);
        await TestGates.WaitAsync(gate, context.CancellationToken);
        for (var i = 1; i <= 3; i++)
        {
            await context.ReportProgressAsync(i, 3, $"step {i}");
        }

        return "progressed";
    }
}
