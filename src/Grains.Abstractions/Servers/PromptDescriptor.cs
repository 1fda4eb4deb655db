using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaskActors.Grains.Abstractions.Servers;

/// <summary>A prompt as the catalog exposes it.</summary>
public sealed record PromptDescriptor
{
    /// <summary>The name clients use, with mount prefixes.</summary>
    [JsonPropertyName("name")]
    public required string ExposedName { get; init; }

    /// <summary>The path of the server that owns it.</summary>
    [JsonPropertyName("server")]
    public required string Server { get; init; }

    /// <summary>The prompt's name within its server.</summary>
    [JsonPropertyName("prompt")]
    public required string PromptName { get; init; }

    /// <summary>The MCP Prompt object under its own name.</summary>
    [JsonPropertyName("definition")]
    public required JsonElement Definition { get; init; }
}
