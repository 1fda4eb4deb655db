namespace TaskActors.Gateway.Protocol;

/// <summary>The HTTP headers of the Streamable HTTP transport.</summary>
internal static class McpHttpHeaders
{
    public const string SessionId = "Mcp-Session-Id";
    public const string ProtocolVersion = "MCP-Protocol-Version";
    public const string LastEventId = "Last-Event-ID";
    public const string EventStream = "text/event-stream";
    public const string Json = "application/json";
}
