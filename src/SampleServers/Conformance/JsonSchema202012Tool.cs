using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace TaskActors.SampleServers.Conformance;

/// <summary>
/// The conformance suite's <c>json_schema_2020_12_tool</c> (SEP-1613): its input schema is hand-written JSON Schema
/// 2020-12 with <c>$schema</c>, <c>$defs</c> and <c>additionalProperties</c>, which no generated schema has, so it is
/// built with <see cref="McpServerTool.Create(Delegate, McpServerToolCreateOptions?)"/> and given that schema as is.
/// </summary>
internal static class JsonSchema202012Tool
{
    /// <summary>The tool's name.</summary>
    public const string Name = "json_schema_2020_12_tool";

    /// <summary>The tool's input schema, exactly as tools/list shows it.</summary>
    public const string InputSchema = """{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","$defs":{"address":{"type":"object","properties":{"street":{"type":"string"},"city":{"type":"string"}}}},"properties":{"name":{"type":"string"},"address":{"$ref":"#/$defs/address"}},"additionalProperties":false}""";

    /// <summary>Creates the tool.</summary>
    public static McpServerTool Create()
    {
        var tool = McpServerTool.Create(
            Call,
            new McpServerToolCreateOptions
            {
                Name = Name,
                Description = "Tool with JSON Schema 2020-12 features for conformance testing (SEP-1613)",
            });
        tool.ProtocolTool.InputSchema = JsonElement.Parse(InputSchema);
        return tool;
    }

    private static string Call(RequestContext<CallToolRequestParams> request)
    {
        var arguments = JsonSerializer.Serialize(
            request.Params?.Arguments ?? new Dictionary<string, JsonElement>(),
            McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IDictionary<string, JsonElement>)));
        return $"JSON Schema 2020-12 tool called with: {arguments}";
    }
}
