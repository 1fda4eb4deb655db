using System.ComponentModel;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace TaskActors.SampleServers.Conformance;

/// <summary>The conformance suite's resources: static text, static binary, a template and a subscribable resource.</summary>
[McpServerResourceType]
internal sealed class ConformanceResources
{
    [McpServerResource(UriTemplate = "test://static-text", Name = "static-text", Title = "Static Text Resource", MimeType = "text/plain")]
    [Description("A static text resource for testing")]
    public static TextResourceContents StaticText() => new()
    {
        Uri = "test://static-text",
        MimeType = "text/plain",
        Text = "This is the content of the static text resource.",
    };

    [McpServerResource(UriTemplate = "test://static-binary", Name = "static-binary", Title = "Static Binary Resource", MimeType = ConformanceMedia.PngMimeType)]
    [Description("A static binary resource (image) for testing")]
    public static BlobResourceContents StaticBinary() => ConformanceMedia.PngResource("test://static-binary");

    [McpServerResource(UriTemplate = "test://template/{id}/data", Name = "template", Title = "Resource Template", MimeType = "application/json")]
    [Description("A resource template with parameter substitution")]
    public static TextResourceContents Template([Description("The id substituted into the data")] string id) => new()
    {
        Uri = $"test://template/{id}/data",
        MimeType = "application/json",
        Text = new JsonObject { ["id"] = id, ["templateTest"] = true, ["data"] = $"Data for ID: {id}" }.ToJsonString(),
    };

    /// <remarks>Subscriptions are the gateway's part (resources/subscribe answers <c>{}</c>); the content never changes.</remarks>
    [McpServerResource(UriTemplate = "test://watched-resource", Name = "watched-resource", Title = "Watched Resource", MimeType = "text/plain")]
    [Description("A resource clients can subscribe to")]
    public static TextResourceContents WatchedResource() => new()
    {
        Uri = "test://watched-resource",
        MimeType = "text/plain",
        Text = "Watched resource content",
    };
}
