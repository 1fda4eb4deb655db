using System.Text.Json;
using Microsoft.AspNetCore.Http;
using TaskActors.Gateway.JsonRpc;
using TaskActors.Gateway.Sessions;

namespace TaskActors.Gateway.Handlers;

/// <summary>One request or notification, in its session, as handlers see it.</summary>
/// <param name="Message">The message.</param>
/// <param name="Session">The session it arrived on.</param>
/// <param name="Http">The HTTP request that carried it.</param>
internal sealed record McpCall(JsonRpcMessage Message, McpSession Session, HttpContext Http)
{
    /// <summary>The params object (an empty object when absent).</summary>
    public JsonElement Params => Message.ParamsOrEmpty;

    /// <summary>A string parameter, or an invalid-params error naming it.</summary>
    public string RequiredString(string name) =>
        Params.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new McpRequestException(Protocol.McpErrorCodes.InvalidParams, $"Invalid params: \"{name}\" must be a non-empty string.");

    /// <summary>An optional string parameter, or an invalid-params error when it is not a string.</summary>
    public string? OptionalString(string name)
    {
        if (!Params.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new McpRequestException(Protocol.McpErrorCodes.InvalidParams, $"Invalid params: \"{name}\" must be a string.");
    }
}
