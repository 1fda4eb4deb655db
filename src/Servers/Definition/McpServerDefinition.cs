using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using TaskActors.Grains.Abstractions.Servers;

namespace TaskActors.Servers.Definition;

/// <summary>A declared MCP server: identity, primitive types, task support default, lifespan and mounted children.</summary>
public sealed class McpServerDefinition
{
    internal McpServerDefinition(string name) => Name = name;

    /// <summary>The server's name; for a mounted child, its mount prefix.</summary>
    public string Name { get; }

    /// <summary>The implementation info clients see at initialization.</summary>
    public Implementation Info { get; internal set; } = new() { Name = "taskactors", Version = "1.0.0" };

    /// <summary>Instructions for clients.</summary>
    public string? Instructions { get; internal set; }

    /// <summary>Classes whose <c>[McpServerTool]</c> methods are tools.</summary>
    public IList<Type> ToolTypes { get; } = [];

    /// <summary>
    /// Tools built with the SDK's <c>McpServerTool.Create</c>, for what attributes cannot say (such as a hand-written
    /// input schema). Their task support comes from a <see cref="TaskSupportAttribute"/> in their metadata.
    /// </summary>
    public IList<McpServerTool> Tools { get; } = [];

    /// <summary>Classes whose <c>[McpServerResource]</c> methods are resources.</summary>
    public IList<Type> ResourceTypes { get; } = [];

    /// <summary>Classes whose <c>[McpServerPrompt]</c> methods are prompts.</summary>
    public IList<Type> PromptTypes { get; } = [];

    /// <summary>The task support of tools without <see cref="TaskSupportAttribute"/>.</summary>
    public ToolTaskSupport DefaultTaskSupport { get; internal set; } = ToolTaskSupport.Forbidden;

    /// <summary>Creates the server's lifespan state once per silo at start-up; disposed (if disposable) at shutdown.</summary>
    public Func<IServiceProvider, CancellationToken, ValueTask<object>>? Lifespan { get; internal set; }

    /// <summary>Answers completion/complete for this server's prompts and resource templates.</summary>
    public Func<CompleteRequestParams, McpServerContextInfo, CancellationToken, ValueTask<CompleteResult>>? CompletionHandler { get; internal set; }

    /// <summary>Mounted child servers, by prefix.</summary>
    public IList<McpServerDefinition> Mounts { get; } = [];
}
