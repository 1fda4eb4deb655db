using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TaskActors.Gateway.Validation;

namespace TaskActors.Gateway.Tests.Validation;

/// <summary>Runs the validator on JSON text, as the tools/call handler does on a request.</summary>
internal static class SchemaCheck
{
    public static IReadOnlyList<string> Violations(string schema, string instance, ILogger? logger = null, string tool = "t")
    {
        using var schemaDocument = JsonDocument.Parse(schema);
        using var instanceDocument = JsonDocument.Parse(instance);
        return JsonSchemaValidator.Validate(tool, schemaDocument.RootElement, instanceDocument.RootElement, logger ?? NullLogger.Instance);
    }
}
