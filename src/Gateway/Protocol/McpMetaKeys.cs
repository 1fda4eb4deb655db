namespace TaskActors.Gateway.Protocol;

/// <summary>Keys MCP defines in <c>_meta</c>.</summary>
internal static class McpMetaKeys
{
    /// <summary>Associates a message with a task (2025-11-25).</summary>
    public const string RelatedTask = "io.modelcontextprotocol/related-task";

    /// <summary>The progress token of a request.</summary>
    public const string ProgressToken = "progressToken";
}
