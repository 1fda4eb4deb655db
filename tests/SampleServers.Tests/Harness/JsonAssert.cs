using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace TaskActors.SampleServers.Tests.Harness;

/// <summary>Compares JSON by structure (property order aside), showing both documents when they differ.</summary>
internal static class JsonAssert
{
    public static void Equal(string expected, JsonElement? actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        var actualNode = actual is { } element ? JsonNode.Parse(element.GetRawText()) : null;
        Assert.True(
            JsonNode.DeepEquals(expectedNode, actualNode),
            $"Expected JSON:{Environment.NewLine}{expectedNode?.ToJsonString()}{Environment.NewLine}Actual JSON:{Environment.NewLine}{actualNode?.ToJsonString()}");
    }

    /// <summary>The property <paramref name="name"/> of the object <paramref name="json"/>.</summary>
    public static JsonElement Property(JsonElement? json, string name) =>
        json is { ValueKind: JsonValueKind.Object } element && element.TryGetProperty(name, out var value)
            ? value
            : throw new Xunit.Sdk.XunitException($"No property '{name}' in {json?.GetRawText() ?? "null"}.");
}
