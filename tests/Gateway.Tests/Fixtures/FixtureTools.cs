using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using TaskActors.Grains.Abstractions.Servers;
using TaskActors.Servers.Context;
using TaskActors.Servers.Definition;

namespace TaskActors.Gateway.Tests.Fixtures;

/// <summary>Tools the gateway tests drive, one per behaviour under test.</summary>
[McpServerToolType]
public sealed class FixtureTools
{
    /// <summary>The JSON-RPC error code <c>protocol_error</c> answers with (an application code, none of the gateway's).</summary>
    public const int ProtocolErrorCode = 4242;

    public const string ProtocolErrorMessage = "the fixture's own protocol error";

    [McpServerTool(Name = "echo"), Description("Returns its text.")]
    public static string Echo([Description("The text.")] string text) => text;

    [McpServerTool(Name = "repeat"), Description("Returns its text repeated, as a task or not."), TaskSupport(ToolTaskSupport.Optional)]
    public static string Repeat([Description("The text.")] string text, [Description("How many times.")] int times) =>
        string.Concat(Enumerable.Repeat(text, times));

    [McpServerTool(Name = "add"), Description("Adds two integers.")]
    public static int Add(int a, int b) => a + b;

    [McpServerTool(Name = "wait"), Description("Waits, then returns 'waited'."), TaskSupport(ToolTaskSupport.Optional)]
    public static async Task<string> Wait(McpTaskContext context, [Description("Milliseconds.")] int milliseconds)
    {
        await Task.Delay(milliseconds, context.CancellationToken);
        return "waited";
    }

    [McpServerTool(Name = "gate"), Description("Waits until the test opens the gate named by the task context's id, counting."), TaskSupport(ToolTaskSupport.Optional)]
    public static async Task<string> Gate(McpTaskContext context, [Description("The gate name.")] string gate)
    {
        TestGates.Entered(gate, context);
        try
        {
            await TestGates.WaitAsync(gate, context.CancellationToken);
            return "opened";
        }
        catch (OperationCanceledException)
        {
            TestGates.Cancelled(gate);
            throw;
        }
    }

    [McpServerTool(Name = "token_check"), Description("Reports whether the access token is visible before and after the gate opens."), TaskSupport(ToolTaskSupport.Optional)]
    public static async Task<string> TokenCheck(McpTaskContext context, [Description("The gate name.")] string gate)
    {
        var before = context.AccessToken is not null;
        TestGates.Entered(gate, context);
        await TestGates.WaitAsync(gate, context.CancellationToken);
        return JsonSerializer.Serialize(new Dictionary<string, bool> { ["before"] = before, ["after"] = context.AccessToken is not null });
    }

    [McpServerTool(Name = "request_context"), Description("Reports the forwarded headers and the origin request id."), TaskSupport(ToolTaskSupport.Optional)]
    public static string RequestContext(McpTaskContext context) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["headers"] = context.Headers,
        ["originRequestId"] = context.OriginRequestId,
    });

    [McpServerTool(Name = "job"), Description("Must run as a task."), TaskSupport(ToolTaskSupport.Required)]
    public static string Job() => "job done";

    [McpServerTool(Name = "boom"), Description("Throws."), TaskSupport(ToolTaskSupport.Optional)]
    public static string Boom() => throw new InvalidOperationException("secret internal detail");

    [McpServerTool(Name = "protocol_error"), Description("Throws McpProtocolException: a JSON-RPC error of the tool's choosing."), TaskSupport(ToolTaskSupport.Optional)]
    public static string ProtocolError() => throw new McpProtocolException(ProtocolErrorMessage, (McpErrorCode)ProtocolErrorCode);

    [McpServerTool(Name = "soft_fail"), Description("Returns an error result."), TaskSupport(ToolTaskSupport.Optional)]
    public static CallToolResult SoftFail() => new() { IsError = true, Content = [new TextContentBlock { Text = "soft failure" }] };

    [McpServerTool(Name = "progress"), Description("Reports progress three times."), TaskSupport(ToolTaskSupport.Optional)]
    public static async Task<string> Progress(McpTaskContext context)
    {
        for (var i = 1; i <= 3; i++)
        {
            await context.ReportProgressAsync(i, 3, $"step {i}");
        }

        await context.LogAsync(LoggingLevel.Info, "progress done");
        return "progressed";
    }

    [McpServerTool(Name = "ask"), Description("Elicits a name and returns it."), TaskSupport(ToolTaskSupport.Optional)]
    public static async Task<string> Ask(McpServer server, CancellationToken cancellationToken)
    {
        var answer = await server.ElicitAsync(
            new ElicitRequestParams
            {
                Message = "What is your name?",
                RequestedSchema = new ElicitRequestParams.RequestSchema
                {
                    Properties = new Dictionary<string, ElicitRequestParams.PrimitiveSchemaDefinition> { ["name"] = new ElicitRequestParams.StringSchema() },
                    Required = ["name"],
                },
            },
            cancellationToken);
        return answer.Action == "accept" && answer.Content is { } content && content.TryGetValue("name", out var name)
            ? $"hello {name.GetString()}"
            : $"no answer ({answer.Action})";
    }

    [McpServerTool(Name = "whoami"), Description("Describes the task context."), TaskSupport(ToolTaskSupport.Optional)]
    public static string WhoAmI(McpTaskContext context) => JsonSerializer.Serialize(Describe(context));

    /// <summary>What the whoami fixtures report of the task context they run in.</summary>
    internal static Dictionary<string, string?> Describe(McpTaskContext context) => new()
    {
        ["taskId"] = context.TaskId,
        ["scope"] = context.Scope,
        ["sessionId"] = context.SessionId,
        ["server"] = context.Server.Path,
        ["clientId"] = context.ClientId,
        ["sub"] = context.Subject,
        ["hasToken"] = context.AccessToken is null ? "false" : "true",
        ["background"] = context.IsBackgroundTask ? "true" : "false",
        ["lifespan"] = (context.Server.LifespanState as FixtureLifespan)?.Name,
    };
}
