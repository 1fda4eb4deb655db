using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace TaskActors.SampleServers.Conformance;

/// <summary>The conformance suite's tools that ask the user for input (elicitation/create) and report the answer.</summary>
[McpServerToolType]
internal sealed class ConformanceElicitationTools
{
    [McpServerTool(Name = "test_elicitation")]
    [Description("Tests server-initiated elicitation (user input request)")]
    public static async Task<string> Elicitation(McpServer server, [Description("The message to show the user")] string message, CancellationToken cancellationToken) =>
        $"User response: {await AskAsync(server, message, ConformanceElicitationSchemas.UserInfo(), cancellationToken)}";

    [McpServerTool(Name = "test_elicitation_sep1034_defaults")]
    [Description("Tests elicitation with default values per SEP-1034")]
    public static async Task<string> ElicitationDefaults(McpServer server, CancellationToken cancellationToken) =>
        $"Elicitation completed: {await AskAsync(server, "Please review and update the form fields with defaults", ConformanceElicitationSchemas.PrimitiveDefaults(), cancellationToken)}";

    [McpServerTool(Name = "test_elicitation_sep1330_enums")]
    [Description("Tests elicitation with enum schema improvements per SEP-1330")]
    public static async Task<string> ElicitationEnums(McpServer server, CancellationToken cancellationToken) =>
        $"Elicitation completed: {await AskAsync(server, "Please select options from the enum fields", ConformanceElicitationSchemas.Enums(), cancellationToken)}";

    /// <summary>Sends the form and describes the answer as <c>action=accept, content={...}</c>, the content as compact JSON.</summary>
    private static async Task<string> AskAsync(McpServer server, string message, ElicitRequestParams.RequestSchema form, CancellationToken cancellationToken)
    {
        var result = await server.ElicitAsync(new ElicitRequestParams { Message = message, RequestedSchema = form }, cancellationToken);
        var content = JsonSerializer.Serialize(
            result.Content ?? new Dictionary<string, JsonElement>(),
            McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IDictionary<string, JsonElement>)));
        return $"action={result.Action}, content={content}";
    }
}
