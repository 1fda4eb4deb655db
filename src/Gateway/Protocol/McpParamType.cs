namespace TaskActors.Gateway.Protocol;

/// <summary>The JSON type the MCP schema gives a parameter.</summary>
internal enum McpParamType
{
    /// <summary>A JSON string.</summary>
    String,

    /// <summary>A JSON object.</summary>
    Object,

    /// <summary>A JSON-RPC request id or progress token: a string or a number.</summary>
    StringOrNumber,

    /// <summary>A duration in milliseconds: an integer of at least 1 that fits 64 bits.</summary>
    Milliseconds,
}
