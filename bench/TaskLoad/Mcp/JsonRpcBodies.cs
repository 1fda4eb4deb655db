using System.Buffers;
using System.Text.Json;

namespace TaskActors.TaskLoad.Mcp;

/// <summary>The JSON-RPC messages the benchmark sends, written straight to UTF-8.</summary>
internal static class JsonRpcBodies
{
    public static byte[] Initialize(long id, string protocolVersion) => Write(id, "initialize", writer =>
    {
        writer.WriteString("protocolVersion", protocolVersion);
        writer.WriteStartObject("capabilities");
        writer.WriteEndObject();
        writer.WriteStartObject("clientInfo");
        writer.WriteString("name", "taskactors-taskload");
        writer.WriteString("version", "1.0.0");
        writer.WriteEndObject();
    });

    public static byte[] Notification(string method) => Write(null, method, null);

    /// <summary>tools/call of a tool without arguments, augmented with a task of the given ttl.</summary>
    public static byte[] CallToolAsTask(long id, string tool, long ttlMilliseconds) => Write(id, "tools/call", writer =>
    {
        writer.WriteString("name", tool);
        writer.WriteStartObject("arguments");
        writer.WriteEndObject();
        writer.WriteStartObject("task");
        writer.WriteNumber("ttl", ttlMilliseconds);
        writer.WriteEndObject();
    });

    /// <summary>tasks/get, tasks/result or tasks/cancel of one task.</summary>
    public static byte[] TaskRequest(long id, string method, string taskId) => Write(id, method, writer => writer.WriteString("taskId", taskId));

    private static byte[] Write(long? id, string method, Action<Utf8JsonWriter>? writeParams)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            if (id is { } value)
            {
                writer.WriteNumber("id", value);
            }

            writer.WriteString("method", method);
            if (writeParams is not null)
            {
                writer.WriteStartObject("params");
                writeParams(writer);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
