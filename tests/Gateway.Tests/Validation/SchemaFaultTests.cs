using Microsoft.Extensions.Logging;
using TaskActors.Gateway.JsonRpc;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.Gateway.Tests.Validation;

/// <summary>A schema that does not compile is the server's fault: an internal error naming the tool, logged once.</summary>
public sealed class SchemaFaultTests
{
    [Theory]
    [InlineData("""{"type":5}""")]
    [InlineData("""{"required":"name"}""")]
    [InlineData("""{"minLength":-1}""")]
    [InlineData("""{"pattern":"["}""")]
    [InlineData("""{"patternProperties":{"(":{}}}""")]
    [InlineData("""{"$defs":{"n":{"$ref":"#/$defs/n"}},"$ref":"#/$defs/n"}""")]
    [InlineData("""{"$ref":"#/$defs/missing"}""")]
    [InlineData("""{"properties":{"a":{"$ref":"https://example.com/not-fetched.json"}}}""")]
    [InlineData("""{"$schema":"https://example.com/unknown-dialect"}""")]
    [InlineData("5")]
    public void Validate_OfASchemaThatDoesNotCompile_IsAnInternalError_LoggedOnce(string schema)
    {
        // The tool name keeps each case's schema its own: the cache is shared by the whole process.
        var tool = "broken-" + Guid.NewGuid().ToString("N");
        using var logs = new CollectingLoggerProvider();
        var logger = logs.CreateLogger("tools");

        var first = Assert.Throws<McpRequestException>(() => SchemaCheck.Violations(schema, """{"a":{}}""", logger, tool));
        var second = Assert.Throws<McpRequestException>(() => SchemaCheck.Violations(schema, """{"a":{}}""", logger, tool));

        Assert.Equal(-32603, first.Code);
        Assert.Contains(tool, first.Message, StringComparison.Ordinal);
        Assert.Equal(first.Message, second.Message);
        var logged = logs.Lines.Where(l => l.Message.Contains(tool, StringComparison.Ordinal)).ToList();
        Assert.Equal(LogLevel.Error, Assert.Single(logged).Level);
    }
}
