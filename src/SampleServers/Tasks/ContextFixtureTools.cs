using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using TaskActors.Grains.Abstractions.Servers;
using TaskActors.Servers.Context;
using TaskActors.Servers.Definition;

namespace TaskActors.SampleServers.Tasks;

/// <summary>Task fixtures that show what a run knows (its context) and what it can ask (the user, mid-task).</summary>
[McpServerToolType]
internal sealed class ContextFixtureTools
{
    [McpServerTool(Name = "whoami")]
    [Description("Returns the task context this run sees as JSON: task id, scope, session, client_id, sub, server path and name, whether it runs as a background task, whether a token is present (never the token), and the server's lifespan state. May run as a task.")]
    [TaskSupport(ToolTaskSupport.Optional)]
    public static string WhoAmI(McpTaskContext context) => WhoAmIReport.Of(context).ToJson();

    /// <remarks>As a task it goes input_required until the client answers the elicitation.</remarks>
    [McpServerTool(Name = "ask_user")]
    [Description("Asks the user a question (elicitation) and returns the answer. May run as a task.")]
    [TaskSupport(ToolTaskSupport.Optional)]
    public static async Task<string> AskUser(McpServer server, [Description("The question to ask")] string message, CancellationToken cancellationToken)
    {
        var form = new ElicitRequestParams.RequestSchema
        {
            Properties = { ["answer"] = new ElicitRequestParams.StringSchema { Description = "Your answer" } },
            Required = ["answer"],
        };
        var result = await server.ElicitAsync(new ElicitRequestParams { Message = message, RequestedSchema = form }, cancellationToken);
        return result.IsAccepted && result.Content?.TryGetValue("answer", out var answer) == true && answer.ValueKind == JsonValueKind.String
            ? answer.GetString()!
            : $"No answer: the user chose to {result.Action}.";
    }
}
