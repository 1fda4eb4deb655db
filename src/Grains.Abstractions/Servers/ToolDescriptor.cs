using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaskActors.Grains.Abstractions.Servers;

/// <summary>A tool as the catalog exposes it: its exposed name, where it lives, its definition and task support.</summary>
public sealed record ToolDescriptor
{
    /// <summary>The name clients call, with mount prefixes (e.g. <c>child_whoami</c>).</summary>
    [JsonPropertyName("name")]
    public required string ExposedName { get; init; }

    /// <summary>The path of the server that owns it (e.g. <c>samples/child</c>).</summary>
    [JsonPropertyName("server")]
    public required string Server { get; init; }

    /// <summary>The tool's name within its server.</summary>
    [JsonPropertyName("tool")]
    public required string ToolName { get; init; }

    /// <summary>The MCP Tool object (title, description, inputSchema, outputSchema, annotations, _meta) under its own name.</summary>
    [JsonPropertyName("definition")]
    public required JsonElement Definition { get; init; }

    /// <summary>Whether it may run as a task.</summary>
    [JsonPropertyName("taskSupport")]
    public required ToolTaskSupport TaskSupport { get; init; }
}
