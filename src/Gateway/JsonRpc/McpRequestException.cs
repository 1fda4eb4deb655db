using System.Text.Json.Nodes;

namespace TaskActors.Gateway.JsonRpc;

/// <summary>A request handler's refusal: becomes a JSON-RPC error response with a message safe to show.</summary>
internal sealed class McpRequestException : Exception
{
    public McpRequestException()
    {
    }

    public McpRequestException(string message)
        : base(message)
    {
    }

    public McpRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public McpRequestException(int code, string message, JsonNode? data = null)
        : base(message)
    {
        Code = code;
        ErrorData = data;
    }

    public int Code { get; } = Protocol.McpErrorCodes.InternalError;

    public JsonNode? ErrorData { get; }
}
