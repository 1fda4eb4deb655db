using ModelContextProtocol.Server;
using TaskActors.Grains.Abstractions.Servers;

namespace TaskActors.Servers.Catalog;

/// <summary>A tool of a hosted server: the SDK primitive and its task support.</summary>
/// <param name="Tool">The SDK tool.</param>
/// <param name="TaskSupport">Whether it may run as a task.</param>
internal sealed record HostedTool(McpServerTool Tool, ToolTaskSupport TaskSupport);
