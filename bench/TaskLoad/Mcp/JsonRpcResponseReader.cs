using System.Text;
using System.Text.Json;

namespace TaskActors.TaskLoad.Mcp;

/// <summary>
/// Finds the JSON-RPC response to one request in an HTTP response: a single JSON body, or one event of a
/// text/event-stream body (whatever else the stream carries first, notifications or requests, is skipped).
/// </summary>
internal static class JsonRpcResponseReader
{
    /// <summary>The result of the response with <paramref name="id"/>; throws for an HTTP or JSON-RPC error.</summary>
    public static async Task<JsonElement> ReadResultAsync(HttpResponseMessage response, long id, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new McpCallException($"HTTP {(int)response.StatusCode}: {Shorten(body)}");
        }

        using var document = response.Content.Headers.ContentType?.MediaType switch
        {
            "application/json" => JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken)),
            "text/event-stream" => await FindInStreamAsync(response.Content, id, cancellationToken),
            var other => throw new McpCallException($"Unexpected content type '{other}'."),
        };
        var message = document.RootElement;
        if (!IsResponseTo(message, id))
        {
            throw new McpCallException($"The response is not one to request {id}: {Shorten(message.GetRawText())}");
        }

        if (message.TryGetProperty("error", out var error))
        {
            throw new McpCallException($"JSON-RPC error {error.GetProperty("code").GetInt32()}: {error.GetProperty("message").GetString()}");
        }

        return message.GetProperty("result").Clone();
    }

    private static async Task<JsonDocument> FindInStreamAsync(HttpContent content, long id, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(await content.ReadAsStreamAsync(cancellationToken), Encoding.UTF8);
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Append(line.AsSpan(line.StartsWith("data: ", StringComparison.Ordinal) ? 6 : 5)).Append('\n');
                continue;
            }

            if (line.Length > 0 || data.Length == 0)
            {
                continue;
            }

            // The end of an event with data: is it our response?
            var json = data.ToString().Trim();
            data.Clear();
            if (json.Length == 0)
            {
                continue;
            }

            var document = JsonDocument.Parse(json);
            if (IsResponseTo(document.RootElement, id))
            {
                return document;
            }

            document.Dispose();
        }

        throw new McpCallException($"The event stream ended without a response to request {id}.");
    }

    private static bool IsResponseTo(JsonElement message, long id) =>
        message.ValueKind == JsonValueKind.Object
        && message.TryGetProperty("id", out var value)
        && value.ValueKind == JsonValueKind.Number
        && value.GetInt64() == id
        && (message.TryGetProperty("result", out _) || message.TryGetProperty("error", out _));

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
