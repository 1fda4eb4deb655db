namespace TaskActors.Gateway.Protocol;

/// <summary>
/// JSON-RPC error codes the gateway returns: JSON-RPC's own, MCP's, and TaskActors' (see
/// <see cref="Grains.Abstractions.Tasks.TaskErrorCodes"/>). docs/errors.md says when each one is used.
/// </summary>
internal static class McpErrorCodes
{
    /// <summary>The body is not valid JSON.</summary>
    public const int ParseError = -32700;

    /// <summary>The message is not a valid JSON-RPC request, or not allowed now (batch, re-initialize).</summary>
    public const int InvalidRequest = -32600;

    /// <summary>Unknown method, or a tool called with the wrong task mode.</summary>
    public const int MethodNotFound = -32601;

    /// <summary>Bad params: unknown tool/prompt/task, arguments that fail the schema, bad cursor.</summary>
    public const int InvalidParams = -32602;

    /// <summary>The cluster failed to handle the request.</summary>
    public const int InternalError = -32603;

    /// <summary>A transport-level refusal (session missing, not acceptable, forbidden origin), as MCP SDKs report it.</summary>
    public const int ServerError = -32000;

    /// <summary>The Mcp-Session-Id names no session this principal may use (HTTP 404), as the MCP SDKs report it.</summary>
    public const int SessionNotFound = -32001;

    /// <summary>MCP: the resource does not exist.</summary>
    public const int ResourceNotFound = -32002;
}
