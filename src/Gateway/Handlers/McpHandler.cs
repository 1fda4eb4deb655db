namespace TaskActors.Gateway.Handlers;

/// <summary>Handles one MCP method.</summary>
internal delegate ValueTask<McpReply> McpHandler(McpCall call, CancellationToken cancellationToken);
