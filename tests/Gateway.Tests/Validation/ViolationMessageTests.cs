using Xunit;

namespace TaskActors.Gateway.Tests.Validation;

/// <summary>What a rejected call is told: every failing location, in bounded size, and never an exception.</summary>
public sealed class ViolationMessageTests
{
    private const string Items = """{"type":"object","properties":{"items":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"}},"required":["name"]}}}}""";

    [Fact]
    public void Violations_NameEachFailingInstancePath()
    {
        var violations = SchemaCheck.Violations(Items, """{"items":[{"name":1},{}]}""");

        Assert.Equal(2, violations.Count);
        Assert.Contains(violations, v => v.StartsWith("/items/0/name: ", StringComparison.Ordinal) && v.Contains("\"string\"", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("/items/1: ", StringComparison.Ordinal) && v.Contains("\"name\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Violations_EscapePropertyNamesAsJsonPointer()
    {
        var violations = SchemaCheck.Violations("""{"additionalProperties":{"type":"string"}}""", """{"a/b~c":1}""");

        Assert.StartsWith("/a~1b~0c: ", Assert.Single(violations), StringComparison.Ordinal);
    }

    [Fact]
    public void Violations_AreBounded_AndCountTheRest()
    {
        var instance = "[" + string.Join(",", Enumerable.Range(0, 50)) + "]";

        var violations = SchemaCheck.Violations("""{"items":{"type":"string"}}""", instance);

        Assert.Equal(11, violations.Count);
        Assert.Equal("... and 40 more violations.", violations[^1]);
        Assert.All(violations, v => Assert.True(v.Length <= 310, v));
    }

    [Fact]
    public void Violations_OfAPassingAnyOfBranch_AreNotReported()
    {
        var violations = SchemaCheck.Violations("""{"anyOf":[{"type":"string"},{"type":"number"}],"not":{"const":1}}""", "1");

        Assert.Equal("(root): must not match the schema under \"not\".", Assert.Single(violations));
    }

    [Fact]
    public void Violations_OfAFailedAnyOf_ListEveryBranch()
    {
        var violations = SchemaCheck.Violations("""{"properties":{"p":{"anyOf":[{"type":"string"},{"minimum":5}]}}}""", """{"p":1}""");

        Assert.Equal(3, violations.Count);
        Assert.All(violations, v => Assert.StartsWith("/p: ", v, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"properties":{"s":{"type":"string","minLength":3,"pattern":"^a"}}}""", """{"s":"a\ud800b"}""", "the string at $.s has a lone UTF-16 surrogate")]
    [InlineData("""{"items":{"enum":["x"]}}""", """["x","\udc00"]""", "the string at $[1] has a lone UTF-16 surrogate")]
    [InlineData("""{"propertyNames":{"maxLength":3}}""", """{"\ud800":1}""", "a property name in $ has a lone UTF-16 surrogate")]
    public void Validate_NeverThrows_OnStringsTheReaderCannotDecode(string schema, string instance, string problem)
    {
        var violations = SchemaCheck.Violations(schema, instance);

        Assert.Equal($"(root): {problem}.", Assert.Single(violations));
    }

    [Theory]
    [InlineData("""{"type":"integer","minimum":0}""", "1e400")]
    [InlineData("""{"multipleOf":0.1}""", "1e308")]
    [InlineData("""{"maximum":1e308,"exclusiveMinimum":-1e308}""", "-1e400")]
    [InlineData("""{"const":1e400}""", "1e401")]
    public void Validate_NeverThrows_OnNumbersPastDoublesRange(string schema, string instance)
    {
        var violations = SchemaCheck.Violations(schema, instance);

        Assert.All(violations, v => Assert.StartsWith("(root): ", v, StringComparison.Ordinal));
    }

    [Fact]
    public void Pattern_ThatBacktracksPastItsTimeLimit_IsAViolation_NotAHang()
    {
        var instance = "\"" + new string('a', 40) + "!\"";

        foreach (var schema in new[] { """{"pattern":"^(a+)+$"}""", """{"$schema":"https://json-schema.org/draft/2020-12/schema","pattern":"^(a+)+$"}""" })
        {
            Assert.Contains("in time", Assert.Single(SchemaCheck.Violations(schema, instance)), StringComparison.Ordinal);
        }
    }
}
