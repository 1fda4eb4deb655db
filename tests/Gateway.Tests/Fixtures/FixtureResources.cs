using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace TaskActors.Gateway.Tests.Fixtures;

/// <summary>Resources of the fixture server: three static ones (enough to page) and one template.</summary>
[McpServerResourceType]
public sealed class FixtureResources
{
    [McpServerResource(UriTemplate = "fixture://alpha", Name = "alpha", MimeType = "text/plain"), Description("The first static resource.")]
    public static TextResourceContents Alpha() => Text("fixture://alpha", "alpha content");

    [McpServerResource(UriTemplate = "fixture://beta", Name = "beta", MimeType = "text/plain"), Description("The second static resource.")]
    public static TextResourceContents Beta() => Text("fixture://beta", "beta content");

    [McpServerResource(UriTemplate = "fixture://gamma", Name = "gamma", MimeType = "text/plain"), Description("The third static resource.")]
    public static TextResourceContents Gamma() => Text("fixture://gamma", "gamma content");

    [McpServerResource(UriTemplate = "fixture://items/{id}", Name = "item", MimeType = "text/plain"), Description("An item by id.")]
    public static TextResourceContents Item([Description("The item id.")] string id) => Text($"fixture://items/{id}", $"item {id}");

    private static TextResourceContents Text(string uri, string text) => new() { Uri = uri, MimeType = "text/plain", Text = text };
}
