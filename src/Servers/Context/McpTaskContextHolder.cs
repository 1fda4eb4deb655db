namespace TaskActors.Servers.Context;

/// <summary>The per-invocation DI scope's slot for the context, so tools can take <see cref="McpTaskContext"/> as a parameter.</summary>
internal sealed class McpTaskContextHolder
{
    public McpTaskContext? Context { get; set; }
}
