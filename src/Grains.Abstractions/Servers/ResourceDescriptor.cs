using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaskActors.Grains.Abstractions.Servers;

/// <summary>A resource or resource template as the catalog exposes it.</summary>
public sealed record ResourceDescriptor
{
    /// <summary>The URI, or the URI template for templates.</summary>
    [JsonPropertyName("uri")]
    public required string Uri { get; init; }

    /// <summary>Whether <see cref="Uri"/> is a template.</summary>
    [JsonPropertyName("template")]
    public required bool IsTemplate { get; init; }

    /// <summary>The path of the server that owns it.</summary>
    [JsonPropertyName("server")]
    public required string Server { get; init; }

    /// <summary>The MCP Resource or ResourceTemplate object.</summary>
    [JsonPropertyName("definition")]
    public required JsonElement Definition { get; init; }
}
