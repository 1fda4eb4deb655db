namespace TaskActors.Gateway.Protocol;

/// <summary>One parameter of an MCP method.</summary>
/// <param name="Path">Where it is in <c>params</c>, dotted (<c>task.ttl</c>); <c>*</c> stands for every member of an object.</param>
/// <param name="Type">The JSON type it must have.</param>
/// <param name="Required">Whether it must be present (and not null) when the object holding it is.</param>
internal sealed record McpParam(string Path, McpParamType Type, bool Required = false);
