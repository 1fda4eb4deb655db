namespace TaskActors.TaskLoad.Mcp;

/// <summary>A request that did not get the answer the benchmark expects: an HTTP or JSON-RPC error, or a wrong result.</summary>
internal sealed class McpCallException : Exception
{
    public McpCallException()
    {
    }

    public McpCallException(string message)
        : base(message)
    {
    }

    public McpCallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
