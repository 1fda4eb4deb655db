using ModelContextProtocol.Server;
using TaskActors.Servers.Definition;

namespace TaskActors.Servers.Catalog;

/// <summary>One server (top-level or mounted) as this silo hosts it: its SDK primitives and lifespan state.</summary>
internal sealed class HostedServer(string path, McpServerDefinition definition, string exposePrefix)
{
    /// <summary>The server's path, e.g. <c>samples/child</c>.</summary>
    public string Path { get; } = path;

    public McpServerDefinition Definition { get; } = definition;

    /// <summary>The prefix its names get where the top-level server exposes them ("" for the top-level server itself).</summary>
    public string ExposePrefix { get; } = exposePrefix;

    public Dictionary<string, HostedTool> Tools { get; } = new(StringComparer.Ordinal);

    public List<McpServerResource> Resources { get; } = [];

    public Dictionary<string, McpServerPrompt> Prompts { get; } = new(StringComparer.Ordinal);

    /// <summary>What the lifespan created on this silo; set at start-up.</summary>
    public object? LifespanState { get; set; }

    public McpServerContextInfo ContextInfo => new(Path, Definition.Name, LifespanState);
}
