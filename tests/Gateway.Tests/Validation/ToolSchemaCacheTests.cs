using System.Text.Json;
using TaskActors.Gateway.Validation;
using Xunit;

namespace TaskActors.Gateway.Tests.Validation;

/// <summary>Each schema is compiled once, and a changed schema is compiled again.</summary>
public sealed class ToolSchemaCacheTests
{
    [Fact]
    public void GetOrCompile_CompilesASchemaOnce()
    {
        var schema = UniqueSchema("string");

        var first = ToolSchemaCache.GetOrCompile(schema.RootElement);
        var again = ToolSchemaCache.GetOrCompile(JsonDocument.Parse(schema.RootElement.GetRawText()).RootElement);

        Assert.NotNull(first.Schema);
        Assert.Same(first, again);
    }

    [Fact]
    public void GetOrCompile_RecompilesAChangedSchema()
    {
        var marker = Guid.NewGuid().ToString("N");
        var before = ToolSchemaCache.GetOrCompile(JsonDocument.Parse(Tagged("$comment", marker, """{"properties":{"n":{"type":"string"}}}""")).RootElement);
        var after = ToolSchemaCache.GetOrCompile(JsonDocument.Parse(Tagged("$comment", marker, """{"properties":{"n":{"type":"number"}}}""")).RootElement);

        Assert.NotSame(before, after);
        Assert.Empty(SchemaCheck.Violations(Tagged("$comment", marker, """{"properties":{"n":{"type":"number"}}}"""), """{"n":1}"""));
        Assert.NotEmpty(SchemaCheck.Violations(Tagged("$comment", marker, """{"properties":{"n":{"type":"string"}}}"""), """{"n":1}"""));
    }

    [Fact]
    public void GetOrCompile_KeepsEachSchemasIdsToItself()
    {
        // Two tools whose schemas share an $id must not see each other's definitions.
        var id = $"https://tools.example/{Guid.NewGuid():N}";
        var first = Tagged("$id", id, """{"$defs":{"v":{"type":"string"}},"properties":{"v":{"$ref":"#/$defs/v"}}}""");
        var second = Tagged("$id", id, """{"$defs":{"v":{"type":"number"}},"properties":{"v":{"$ref":"#/$defs/v"}}}""");

        Assert.Empty(SchemaCheck.Violations(first, """{"v":"a"}"""));
        Assert.Empty(SchemaCheck.Violations(second, """{"v":1}"""));
    }

    private static JsonDocument UniqueSchema(string type) =>
        JsonDocument.Parse(Tagged("$comment", Guid.NewGuid().ToString("N"), $$"""{"type":"{{type}}"}"""));

    /// <summary>The schema with one more keyword first, which makes its text (and so its cache entry) its own.</summary>
    private static string Tagged(string keyword, string value, string schema) => $"{{\"{keyword}\":\"{value}\",{schema[1..]}";
}
