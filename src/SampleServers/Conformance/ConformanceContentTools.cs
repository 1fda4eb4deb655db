using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace TaskActors.SampleServers.Conformance;

/// <summary>The conformance suite's tools that return fixed content: text, image, audio, resources, an error result.</summary>
[McpServerToolType]
internal sealed class ConformanceContentTools
{
    /// <summary>The text of <c>test_reconnection</c>'s result.</summary>
    public const string ReconnectionText = "Reconnection test completed successfully. If you received this, the client properly reconnected after stream closure.";

    [McpServerTool(Name = "test_simple_text")]
    [Description("Tests simple text content response")]
    public static string SimpleText() => "This is a simple text response for testing.";

    [McpServerTool(Name = "test_image_content")]
    [Description("Tests image content response")]
    public static ImageContentBlock ImageContent() => ConformanceMedia.Image();

    [McpServerTool(Name = "test_audio_content")]
    [Description("Tests audio content response")]
    public static AudioContentBlock AudioContent() => ConformanceMedia.Audio();

    [McpServerTool(Name = "test_embedded_resource")]
    [Description("Tests embedded resource content response")]
    public static EmbeddedResourceBlock EmbeddedResource() => new()
    {
        Resource = new TextResourceContents { Uri = "test://embedded-resource", MimeType = "text/plain", Text = "This is an embedded resource content." },
    };

    [McpServerTool(Name = "test_multiple_content_types")]
    [Description("Tests response with multiple content types (text, image, resource)")]
    public static IEnumerable<ContentBlock> MultipleContentTypes() =>
    [
        new TextContentBlock { Text = "Multiple content types test:" },
        ConformanceMedia.Image(),
        new EmbeddedResourceBlock
        {
            Resource = new TextResourceContents { Uri = "test://mixed-content-resource", MimeType = "application/json", Text = """{"test":"data","value":123}""" },
        },
    ];

    /// <remarks>An error result, not an exception: the suite checks for <c>isError: true</c> in a CallToolResult.</remarks>
    [McpServerTool(Name = "test_error_handling")]
    [Description("Tests error response handling")]
    public static CallToolResult ErrorHandling() => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = "This tool intentionally returns an error for testing" }],
    };

    /// <remarks>Closing the response stream before the result (SEP-1699) is the gateway's part; the tool only answers.</remarks>
    [McpServerTool(Name = "test_reconnection")]
    [Description("Tests SSE stream disconnection and client reconnection (SEP-1699). The server closes the stream mid-call and sends the result after the client reconnects.")]
    public static string Reconnection() => ReconnectionText;
}
