using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaskActors.Grains.Abstractions.Servers;

/// <summary>A (possibly mounted) MCP server: its path, identity and primitives.</summary>
public sealed record ServerDescriptor
{
    /// <summary>The server's path: its name, or parent path '/' mount prefix for mounted children.</summary>
    [JsonPropertyName("path")]
    public required string Path { get; init; }

    /// <summary>The MCP Implementation object (name, version, title...).</summary>
    [JsonPropertyName("info")]
    public required JsonElement Info { get; init; }

    /// <summary>Instructions the server gives clients at initialization.</summary>
    [JsonPropertyName("instructions")]
    public string? Instructions { get; init; }

    /// <summary>Its tools, with exposed names relative to this server (a parent prefixes them).</summary>
    [JsonPropertyName("tools")]
    public IReadOnlyList<ToolDescriptor> Tools { get; init; } = [];

    /// <summary>Its prompts.</summary>
    [JsonPropertyName("prompts")]
    public IReadOnlyList<PromptDescriptor> Prompts { get; init; } = [];

    /// <summary>Its resources and resource templates.</summary>
    [JsonPropertyName("resources")]
    public IReadOnlyList<ResourceDescriptor> Resources { get; init; } = [];

    /// <summary>Whether it implements completion/complete.</summary>
    [JsonPropertyName("completions")]
    public bool Completions { get; init; }
}
