using System.Text.Json;
using TaskActors.Gateway.Protocol;

namespace TaskActors.Gateway.JsonRpc;

/// <summary>
/// Parses POST bodies into JSON-RPC 2.0 messages, rejecting anything that is not one. A body is a parse error when it is
/// not JSON, nests deeper than <see cref="MaxDepth"/>, or fails <see cref="JsonTextCheck"/> (a string without Unicode
/// text, a member named twice): so every string a handler reads later decodes.
/// </summary>
internal static class JsonRpcParser
{
    /// <summary>How deep a body may nest objects and arrays.</summary>
    public const int MaxDepth = 64;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = MaxDepth };

    /// <summary>Parses <paramref name="body"/>; a batch longer than <paramref name="maxBatchLength"/> is refused whole.</summary>
    public static JsonRpcParseResult Parse(ReadOnlyMemory<byte> body, int maxBatchLength)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Options);
        }
        catch (JsonException ex)
        {
            return Fail(McpErrorCodes.ParseError, $"Parse error: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (JsonTextCheck.FindProblem(root) is { } problem)
            {
                return Fail(McpErrorCodes.ParseError, $"Parse error: {problem}.");
            }

            if (root.ValueKind == JsonValueKind.Array)
            {
                var length = root.GetArrayLength();
                if (length == 0)
                {
                    return Fail(McpErrorCodes.InvalidRequest, "Invalid Request: an empty batch.");
                }

                if (length > maxBatchLength)
                {
                    return Fail(McpErrorCodes.InvalidRequest, $"Invalid Request: a batch of {length} messages; at most {maxBatchLength} are accepted in one request.");
                }

                var messages = new List<JsonRpcMessage>();
                foreach (var item in root.EnumerateArray())
                {
                    if (ParseMessage(item, out var message, out var error) is false)
                    {
                        return Fail(McpErrorCodes.InvalidRequest, error!);
                    }

                    messages.Add(message!);
                }

                return new JsonRpcParseResult(messages, true, null, null);
            }

            return ParseMessage(root, out var single, out var reason)
                ? new JsonRpcParseResult([single!], false, null, null)
                : Fail(McpErrorCodes.InvalidRequest, reason!);
        }
    }

    private static bool ParseMessage(JsonElement element, out JsonRpcMessage? message, out string? error)
    {
        message = null;
        error = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            error = "Invalid Request: a JSON-RPC message must be an object.";
            return false;
        }

        if (!element.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != "2.0")
        {
            error = "Invalid Request: \"jsonrpc\" must be \"2.0\".";
            return false;
        }

        JsonElement? id = null;
        if (element.TryGetProperty("id", out var idElement))
        {
            if (idElement.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            {
                error = "Invalid Request: \"id\" must be a string or a number.";
                return false;
            }

            id = idElement.Clone();
        }

        JsonElement? parameters = null;
        if (element.TryGetProperty("params", out var paramsElement) && paramsElement.ValueKind != JsonValueKind.Null)
        {
            if (paramsElement.ValueKind != JsonValueKind.Object)
            {
                error = "Invalid Request: \"params\" must be an object.";
                return false;
            }

            parameters = paramsElement.Clone();
        }

        if (element.TryGetProperty("method", out var method))
        {
            if (method.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(method.GetString()))
            {
                error = "Invalid Request: \"method\" must be a non-empty string.";
                return false;
            }

            message = new JsonRpcMessage(id is null ? JsonRpcMessageKind.Notification : JsonRpcMessageKind.Request, id, method.GetString(), parameters, null, null);
            return true;
        }

        if (id is null)
        {
            error = "Invalid Request: a response needs an \"id\".";
            return false;
        }

        if (element.TryGetProperty("result", out var result))
        {
            message = new JsonRpcMessage(JsonRpcMessageKind.Response, id, null, null, result.Clone(), null);
            return true;
        }

        if (element.TryGetProperty("error", out var errorElement) && errorElement.ValueKind == JsonValueKind.Object)
        {
            if (!errorElement.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.Number || !code.TryGetInt32(out _)
                || !errorElement.TryGetProperty("message", out var text) || text.ValueKind != JsonValueKind.String)
            {
                error = "Invalid Request: \"error\" must have an integer \"code\" and a string \"message\".";
                return false;
            }

            message = new JsonRpcMessage(JsonRpcMessageKind.Error, id, null, null, null, errorElement.Clone());
            return true;
        }

        error = "Invalid Request: the message has neither \"method\", \"result\" nor \"error\".";
        return false;
    }

    private static JsonRpcParseResult Fail(int code, string message) => new([], false, code, message);
}
