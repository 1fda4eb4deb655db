using System.Text.Json;

namespace TaskActors.Gateway.JsonRpc;

/// <summary>One incoming JSON-RPC message, validated for shape.</summary>
/// <param name="Kind">Request, notification, response or error.</param>
/// <param name="Id">The id (a string or number), for requests, responses and errors.</param>
/// <param name="Method">The method, for requests and notifications.</param>
/// <param name="Params">The params object, if any.</param>
/// <param name="Result">The result, for responses.</param>
/// <param name="Error">The error object, for errors.</param>
internal sealed record JsonRpcMessage(JsonRpcMessageKind Kind, JsonElement? Id, string? Method, JsonElement? Params, JsonElement? Result, JsonElement? Error)
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    /// <summary>The params object, or an empty object when there are none.</summary>
    public JsonElement ParamsOrEmpty => Params ?? EmptyObject;

    /// <summary>The id as JSON text (<c>"abc"</c> or <c>7</c>), or null.</summary>
    public string? IdText => Id?.GetRawText();

    /// <summary>The id as a string value when it is one, or its JSON text.</summary>
    public string? IdString => Id is { ValueKind: JsonValueKind.String } id ? id.GetString() : IdText;
}
