using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Microsoft.Extensions.Logging;
using TaskActors.Gateway.JsonRpc;
using TaskActors.Gateway.Protocol;

namespace TaskActors.Gateway.Validation;

/// <summary>
/// Checks tool arguments against a tool's input schema before any task exists, with JsonSchema.Net: full JSON Schema
/// draft 2020-12 when the schema names no <c>$schema</c>, the dialect it names otherwise. Formats only annotate (the
/// 2020-12 default), and <c>$ref</c> resolves only inside the schema: nothing is fetched.
/// </summary>
/// <remarks>
/// Total in the instance: whatever the arguments hold (a lone UTF-16 surrogate, a number past double's range, input that
/// makes a pattern backtrack past its time limit), the answer is a list of violations, never an exception. A schema that
/// does not compile is the server's fault, so it is answered as an internal error and logged once per schema.
/// </remarks>
internal static partial class JsonSchemaValidator
{
    private static readonly EvaluationOptions Evaluation = new()
    {
        OutputFormat = OutputFormat.Hierarchical,
        RequireFormatValidation = false,
        Culture = System.Globalization.CultureInfo.InvariantCulture,
    };

    /// <summary>
    /// Returns the violations (each naming the failing instance path, at most <see cref="SchemaViolations.MaxListed"/> of
    /// them and a count of the rest), or none.
    /// </summary>
    /// <exception cref="McpRequestException">The schema does not compile, or refers to what it does not hold (-32603).</exception>
    public static IReadOnlyList<string> Validate(string toolName, JsonElement schema, JsonElement instance, ILogger logger)
    {
        var compiled = ToolSchemaCache.GetOrCompile(schema);
        if (compiled.Schema is not { } jsonSchema)
        {
            throw SchemaFault(toolName, compiled, compiled.Fault!, logger);
        }

        try
        {
            var results = jsonSchema.Evaluate(instance, Evaluation);
            return results.IsValid ? [] : SchemaViolations.Collect(results);
        }
        catch (RefResolutionException ex)
        {
            // References are resolved as evaluation reaches them; one that points outside the schema is its fault.
            throw SchemaFault(toolName, compiled, ex.Message, logger);
        }
        catch (RegexMatchTimeoutException)
        {
            return [$"{SchemaViolations.Root}: a string could not be checked against its pattern in time."];
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or OverflowException or ArgumentException or JsonException)
        {
            // Values the reader cannot decode (a lone surrogate, which the parse layer normally refuses first) or convert.
            return [$"{SchemaViolations.Root}: {JsonTextCheck.FindProblem(instance) ?? "holds a value that cannot be checked against the schema"}."];
        }
    }

    private static McpRequestException SchemaFault(string toolName, CompiledToolSchema compiled, string reason, ILogger logger)
    {
        if (compiled.ClaimFaultLog())
        {
            LogSchemaFault(logger, toolName, reason);
        }

        return new McpRequestException(
            McpErrorCodes.InternalError,
            $"Internal error: the inputSchema of tool '{toolName}' is not a usable JSON Schema ({reason}); the server must fix it.",
            new JsonObject { ["reason"] = reason });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The inputSchema of tool {Tool} is not a usable JSON Schema ({Reason}); its calls are refused until the server fixes it")]
    private static partial void LogSchemaFault(ILogger logger, string tool, string reason);
}
