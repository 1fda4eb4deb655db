namespace TaskActors.Servers.Definition;

/// <summary>Which server a handler runs in, and its lifespan state.</summary>
/// <param name="Path">The server's path, e.g. <c>samples/child</c>.</param>
/// <param name="Name">The server's name (for a mounted child, its prefix).</param>
/// <param name="LifespanState">The object the server's lifespan created on this silo, or null.</param>
public sealed record McpServerContextInfo(string Path, string Name, object? LifespanState);
