using Xunit;

namespace TaskActors.Gateway.Tests.Validation;

/// <summary>Each draft 2020-12 keyword tool schemas use: an instance it accepts, and one it rejects at a named location.</summary>
public sealed class Draft202012KeywordTests
{
    [Theory]
    [InlineData("type", """{"type":"string"}""", "\"a\"", "1", "(root)")]
    [InlineData("type array", """{"type":["string","null"]}""", "null", "1", "(root)")]
    [InlineData("integer", """{"type":"integer"}""", "1.0", "1.5", "(root)")]
    [InlineData("enum", """{"enum":["a",1,null]}""", "1", "\"b\"", "(root)")]
    [InlineData("const", """{"properties":{"k":{"const":{"x":[1]}}}}""", """{"k":{"x":[1]}}""", """{"k":{"x":[2]}}""", "/k")]
    [InlineData("required", """{"required":["a"]}""", """{"a":0}""", """{"b":0}""", "(root)")]
    [InlineData("properties", """{"properties":{"a":{"type":"number"}}}""", """{"a":1}""", """{"a":"1"}""", "/a")]
    [InlineData("additionalProperties", """{"properties":{"a":true},"additionalProperties":false}""", """{"a":1}""", """{"a":1,"b":2}""", "/b")]
    [InlineData("additionalProperties schema", """{"additionalProperties":{"type":"boolean"}}""", """{"a":true}""", """{"a":1}""", "/a")]
    [InlineData("patternProperties", """{"patternProperties":{"^n_":{"type":"integer"}}}""", """{"n_a":1,"x":"y"}""", """{"n_a":"1"}""", "/n_a")]
    [InlineData("items", """{"items":{"type":"string"}}""", """["a","b"]""", """["a",2]""", "/1")]
    [InlineData("prefixItems", """{"prefixItems":[{"type":"string"},{"type":"number"}]}""", """["a",1,null]""", """["a","b"]""", "/1")]
    [InlineData("items after prefixItems", """{"prefixItems":[{"type":"string"}],"items":{"type":"number"}}""", """["a",1,2]""", """["a",1,"x"]""", "/2")]
    [InlineData("items false after prefixItems", """{"prefixItems":[{},{}],"items":false}""", """[1,2]""", """[1,2,3]""", "/2")]
    [InlineData("contains", """{"contains":{"type":"string"}}""", """[1,"a"]""", """[1,2]""", "(root)")]
    [InlineData("minContains", """{"contains":{"type":"string"},"minContains":2}""", """["a","b",1]""", """["a",1]""", "(root)")]
    [InlineData("maxContains", """{"contains":{"type":"string"},"maxContains":1}""", """["a",1]""", """["a","b"]""", "(root)")]
    [InlineData("minItems", """{"minItems":2}""", "[1,2]", "[1]", "(root)")]
    [InlineData("uniqueItems", """{"uniqueItems":true}""", "[1,2]", "[1,1]", "(root)")]
    [InlineData("minimum", """{"properties":{"n":{"minimum":1}}}""", """{"n":1}""", """{"n":0.5}""", "/n")]
    [InlineData("exclusiveMaximum", """{"exclusiveMaximum":10}""", "9.99", "10", "(root)")]
    [InlineData("exclusiveMinimum", """{"exclusiveMinimum":0}""", "0.1", "0", "(root)")]
    [InlineData("multipleOf", """{"multipleOf":0.5}""", "1.5", "1.2", "(root)")]
    [InlineData("minLength counts code points", """{"minLength":2}""", "\"\ud83d\ude00\ud83d\ude00\"", "\"\ud83d\ude00\"", "(root)")]
    [InlineData("maxLength", """{"maxLength":2}""", "\"ab\"", "\"abc\"", "(root)")]
    [InlineData("pattern", """{"properties":{"s":{"pattern":"^[a-z]+$"}}}""", """{"s":"abc"}""", """{"s":"ab1"}""", "/s")]
    [InlineData("oneOf none", """{"oneOf":[{"type":"string"},{"type":"boolean"}]}""", "true", "1", "(root)")]
    [InlineData("oneOf two", """{"oneOf":[{"type":"number"},{"type":"integer"}]}""", "1.5", "1", "(root)")]
    [InlineData("anyOf", """{"anyOf":[{"type":"string"},{"minimum":5}]}""", "7", "1", "(root)")]
    [InlineData("allOf", """{"allOf":[{"type":"number"},{"maximum":3}]}""", "2", "4", "(root)")]
    [InlineData("not", """{"properties":{"a":{"not":{"type":"string"}}}}""", """{"a":1}""", """{"a":"s"}""", "/a")]
    [InlineData("if/then", """{"if":{"properties":{"k":{"const":"x"}}},"then":{"required":["y"]},"else":{"required":["z"]}}""", """{"k":"x","y":1}""", """{"k":"x","z":1}""", "(root)")]
    [InlineData("if/else", """{"if":{"properties":{"k":{"const":"x"}}},"then":{"required":["y"]},"else":{"required":["z"]}}""", """{"k":"w","z":1}""", """{"k":"w","y":1}""", "(root)")]
    [InlineData("$ref/$defs", """{"$defs":{"name":{"type":"string"}},"properties":{"n":{"$ref":"#/$defs/name"}}}""", """{"n":"a"}""", """{"n":1}""", "/n")]
    [InlineData("recursive $ref", """{"$defs":{"node":{"type":"object","properties":{"next":{"$ref":"#/$defs/node"},"v":{"type":"integer"}}}},"$ref":"#/$defs/node"}""", """{"next":{"next":{"v":1}}}""", """{"next":{"next":{"v":"1"}}}""", "/next/next/v")]
    [InlineData("dependentRequired", """{"dependentRequired":{"card":["cvv"]}}""", """{"card":1,"cvv":2}""", """{"card":1}""", "(root)")]
    [InlineData("dependentSchemas", """{"dependentSchemas":{"a":{"required":["b"]}}}""", """{"a":1,"b":2}""", """{"a":1}""", "(root)")]
    [InlineData("propertyNames", """{"propertyNames":{"maxLength":3}}""", """{"abc":1}""", """{"abcd":1}""", "/abcd")]
    [InlineData("unevaluatedProperties", """{"allOf":[{"properties":{"a":true}}],"unevaluatedProperties":false}""", """{"a":1}""", """{"a":1,"b":2}""", "/b")]
    [InlineData("unevaluatedItems", """{"prefixItems":[true],"unevaluatedItems":false}""", "[1]", "[1,2]", "/1")]
    [InlineData("false schema", """{"properties":{"never":false}}""", "{}", """{"never":1}""", "/never")]
    [InlineData("format only annotates", """{"format":"email","type":"string"}""", "\"not an email\"", "1", "(root)")]
    [InlineData("unknown keywords are ignored", """{"x-ui":{"widget":"text"},"type":"string"}""", "\"a\"", "1", "(root)")]
    public void Keyword_AcceptsTheValidInstance_AndNamesTheLocationOfTheInvalidOne(string keyword, string schema, string valid, string invalid, string location)
    {
        Assert.True(SchemaCheck.Violations(schema, valid).Count == 0, $"{keyword}: {string.Join(" ", SchemaCheck.Violations(schema, valid))}");

        var violations = SchemaCheck.Violations(schema, invalid);

        Assert.NotEmpty(violations);
        Assert.Contains(violations, v => v.StartsWith(location + ": ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"$schema":"http://json-schema.org/draft-07/schema#","items":[{"type":"string"}],"additionalItems":false}""", """["a"]""", """["a",1]""", "/1")]
    [InlineData("""{"$schema":"https://json-schema.org/draft/2020-12/schema","prefixItems":[{"type":"string"}],"items":false}""", """["a"]""", """["a",1]""", "/1")]
    [InlineData("""{"$schema":"https://json-schema.org/draft/2019-09/schema","dependentRequired":{"a":["b"]}}""", """{"a":1,"b":1}""", """{"a":1}""", "(root)")]
    public void DeclaredDialect_IsHonoured(string schema, string valid, string invalid, string location)
    {
        Assert.Empty(SchemaCheck.Violations(schema, valid));

        Assert.Contains(SchemaCheck.Violations(schema, invalid), v => v.StartsWith(location + ": ", StringComparison.Ordinal));
    }
}
