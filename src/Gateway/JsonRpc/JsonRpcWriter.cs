using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TaskActors.Gateway.JsonRpc;

/// <summary>Writes outgoing JSON-RPC messages as UTF-8 JSON.</summary>
internal static class JsonRpcWriter
{
    public static byte[] Result(JsonElement id, JsonNode result) => Write(writer =>
    {
        writer.WritePropertyName("id");
        id.WriteTo(writer);
        writer.WritePropertyName("result");
        result.WriteTo(writer);
    });

    /// <summary>An error response; <paramref name="id"/> null writes <c>"id": null</c> (the request could not be read).</summary>
    public static byte[] Error(JsonElement? id, int code, string message, JsonNode? data = null) => Write(writer =>
    {
        writer.WritePropertyName("id");
        if (id is { } value)
        {
            value.WriteTo(writer);
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteStartObject("error");
        writer.WriteNumber("code", code);
        writer.WriteString("message", message);
        if (data is not null)
        {
            writer.WritePropertyName("data");
            data.WriteTo(writer);
        }

        writer.WriteEndObject();
    });

    public static byte[] Notification(string method, JsonNode? parameters) => Write(writer =>
    {
        writer.WriteString("method", method);
        if (parameters is not null)
        {
            writer.WritePropertyName("params");
            parameters.WriteTo(writer);
        }
    });

    public static byte[] Request(string id, string method, JsonNode? parameters) => Write(writer =>
    {
        writer.WriteString("id", id);
        writer.WriteString("method", method);
        if (parameters is not null)
        {
            writer.WritePropertyName("params");
            parameters.WriteTo(writer);
        }
    });

    /// <summary>A JSON array of already-written messages (a batch response).</summary>
    public static byte[] Batch(IEnumerable<byte[]> messages)
    {
        var buffer = new ArrayBufferWriter<byte>();
        buffer.Write("["u8);
        var first = true;
        foreach (var message in messages)
        {
            if (!first)
            {
                buffer.Write(","u8);
            }

            buffer.Write(message);
            first = false;
        }

        buffer.Write("]"u8);
        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
