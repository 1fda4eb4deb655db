using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using TaskActors.Grains.Abstractions.Servers;

namespace TaskActors.Servers.Definition;

/// <summary>Declares an MCP server, in the style of the C# SDK's <c>AddMcpServer().WithTools&lt;T&gt;()</c>.</summary>
public sealed class McpServerBuilder
{
    internal McpServerBuilder(McpServerDefinition definition) => Definition = definition;

    /// <summary>The definition being built.</summary>
    public McpServerDefinition Definition { get; }

    /// <summary>Sets the implementation info clients see (the name defaults to the server's name).</summary>
    public McpServerBuilder WithInfo(string version, string? title = null, string? description = null)
    {
        Definition.Info = new Implementation { Name = Definition.Name, Version = version, Title = title, Description = description };
        return this;
    }

    /// <summary>Sets the instructions clients get at initialization.</summary>
    public McpServerBuilder WithInstructions(string instructions)
    {
        Definition.Instructions = instructions;
        return this;
    }

    /// <summary>Adds the <c>[McpServerTool]</c> methods of <typeparamref name="TTools"/>.</summary>
    public McpServerBuilder WithTools<TTools>()
    {
        Definition.ToolTypes.Add(typeof(TTools));
        return this;
    }

    /// <summary>
    /// Adds tools built with the SDK's <c>McpServerTool.Create</c>, as the SDK's <c>WithTools(IEnumerable&lt;McpServerTool&gt;)</c>
    /// does; for example one whose <c>ProtocolTool.InputSchema</c> is a hand-written JSON Schema. Parameters bind from
    /// DI only if the tool was created with <c>Services</c>.
    /// </summary>
    public McpServerBuilder WithTools(IEnumerable<McpServerTool> tools)
    {
        ArgumentNullException.ThrowIfNull(tools);
        foreach (var tool in tools)
        {
            Definition.Tools.Add(tool);
        }

        return this;
    }

    /// <summary>Adds the <c>[McpServerResource]</c> methods of <typeparamref name="TResources"/>.</summary>
    public McpServerBuilder WithResources<TResources>()
    {
        Definition.ResourceTypes.Add(typeof(TResources));
        return this;
    }

    /// <summary>Adds the <c>[McpServerPrompt]</c> methods of <typeparamref name="TPrompts"/>.</summary>
    public McpServerBuilder WithPrompts<TPrompts>()
    {
        Definition.PromptTypes.Add(typeof(TPrompts));
        return this;
    }

    /// <summary>Sets the task support of this server's tools that declare none.</summary>
    public McpServerBuilder WithTaskSupport(ToolTaskSupport support)
    {
        Definition.DefaultTaskSupport = support;
        return this;
    }

    /// <summary>Creates lifespan state once per silo when it starts (FastMCP's lifespan); tools read it from their context.</summary>
    public McpServerBuilder WithLifespan(Func<IServiceProvider, CancellationToken, ValueTask<object>> lifespan)
    {
        Definition.Lifespan = lifespan;
        return this;
    }

    /// <summary>Handles completion/complete for this server.</summary>
    public McpServerBuilder WithCompletionHandler(Func<CompleteRequestParams, McpServerContextInfo, CancellationToken, ValueTask<CompleteResult>> handler)
    {
        Definition.CompletionHandler = handler;
        return this;
    }

    /// <summary>
    /// Mounts a child server under <paramref name="prefix"/>: its tools and prompts appear as <c>prefix_name</c> and
    /// run in the child's own context (its path, lifespan and defaults). Mounts nest.
    /// </summary>
    public McpServerBuilder Mount(string prefix, Action<McpServerBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        McpServerNames.Validate(prefix, "mount prefix");
        if (Definition.Mounts.Any(m => m.Name == prefix))
        {
            throw new InvalidOperationException($"Server '{Definition.Name}' already mounts a server under '{prefix}'.");
        }

        var child = new McpServerDefinition(prefix);
        configure(new McpServerBuilder(child));
        Definition.Mounts.Add(child);
        return this;
    }
}
