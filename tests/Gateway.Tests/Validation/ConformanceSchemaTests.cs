using Xunit;

namespace TaskActors.Gateway.Tests.Validation;

/// <summary>
/// The inputSchema of the conformance suite's json-schema-2020-12 scenario (json_schema_2020_12_tool, SEP-1613 and
/// SEP-2106): an explicit 2020-12 <c>$schema</c>, <c>$defs</c> with an <c>$anchor</c>, a nested anyOf in allOf,
/// if/then/else and additionalProperties false.
/// </summary>
public sealed class ConformanceSchemaTests
{
    private const string Schema = """
        {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
         "$defs":{"address":{"$anchor":"addressDef","type":"object","properties":{"street":{"type":"string"},"city":{"type":"string"}}}},
         "properties":{"name":{"type":"string"},"address":{"$ref":"#/$defs/address"},"contactMethod":{"type":"string","enum":["phone","email"]},"phone":{"type":"string"},"email":{"type":"string"}},
         "allOf":[{"anyOf":[{"required":["phone"]},{"required":["email"]}]}],
         "if":{"properties":{"contactMethod":{"const":"phone"}},"required":["contactMethod"]},"then":{"required":["phone"]},"else":{"required":["email"]},
         "additionalProperties":false}
        """;

    [Theory]
    [InlineData("""{"name":"a","contactMethod":"phone","phone":"1"}""")]
    [InlineData("""{"email":"a@b","address":{"street":"s","city":"c"}}""")]
    public void ValidArguments_Pass(string arguments) => Assert.Empty(SchemaCheck.Violations(Schema, arguments));

    [Theory]
    [InlineData("""{"contactMethod":"phone","email":"a@b"}""", "(root): ")]
    [InlineData("""{"phone":"1"}""", "(root): ")]
    [InlineData("""{"email":"a@b","address":{"city":1}}""", "/address/city: ")]
    [InlineData("""{"email":"a@b","fax":"2"}""", "/fax: ")]
    [InlineData("""{"email":"a@b","contactMethod":"post"}""", "/contactMethod: ")]
    public void InvalidArguments_NameTheFailingPath(string arguments, string location) =>
        Assert.Contains(SchemaCheck.Violations(Schema, arguments), v => v.StartsWith(location, StringComparison.Ordinal));
}
