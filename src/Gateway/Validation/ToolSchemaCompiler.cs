using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace TaskActors.Gateway.Validation;

/// <summary>Compiles a tool's input schema with JsonSchema.Net, turning whatever it throws into a fault to report.</summary>
internal static class ToolSchemaCompiler
{
    private const string Draft202012Id = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>Compiles the schema text; never throws.</summary>
    public static CompiledToolSchema Compile(string schemaText)
    {
        try
        {
            var root = WithoutDefaultDialect(schemaText);
            var options = new BuildOptions
            {
                // A registry of its own per schema: one tool's $id never resolves another tool's $ref, and nothing is
                // fetched (the registry has no Fetch), so a $ref outside the schema fails instead of reaching the network.
                SchemaRegistry = new SchemaRegistry(),
                Dialect = BoundedRegexDialect.Draft202012,
            };
            return CompiledToolSchema.Compiled(JsonSchema.Build(root, options));
        }
#pragma warning disable CA1031 // Anything the library throws on a server's schema is that schema's fault, reported as such.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return CompiledToolSchema.Faulted(ex.Message);
        }
    }

    /// <summary>
    /// The schema to build: a root <c>$schema</c> naming draft 2020-12 is dropped, so the schema is built with the
    /// 2020-12 dialect whose patterns have a time limit (<see cref="BoundedRegexDialect"/>) rather than the library's
    /// own; any other <c>$schema</c> is honoured as written.
    /// </summary>
    private static JsonElement WithoutDefaultDialect(string schemaText)
    {
        using var document = JsonDocument.Parse(schemaText);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("$schema", out var dialect)
            || dialect.ValueKind != JsonValueKind.String
            || dialect.GetString()!.TrimEnd('#') != Draft202012Id)
        {
            return root.Clone();
        }

        var node = JsonNode.Parse(schemaText)!.AsObject();
        node.Remove("$schema");
        using var stripped = JsonDocument.Parse(node.ToJsonString());
        return stripped.RootElement.Clone();
    }
}
