using TaskActors.Grains.Abstractions.Servers;

namespace TaskActors.Servers.Definition;

/// <summary>
/// Declares whether a tool may run as an MCP background task (<c>execution.taskSupport</c>). On a tool method (or a
/// lambda given to <c>McpServerTool.Create</c>, or in its <c>Metadata</c>) it wins over the server's default
/// (<see cref="McpServerBuilder.WithTaskSupport"/>); without either, tools are forbidden to run as tasks, as the spec's
/// default says.
/// </summary>
/// <param name="support">Forbidden, optional or required.</param>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class TaskSupportAttribute(ToolTaskSupport support) : Attribute
{
    /// <summary>The tool's task support.</summary>
    public ToolTaskSupport Support { get; } = support;
}
