using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TaskActors.Runtime.Serialization;

/// <summary>
/// The one serializer of the runtime: System.Text.Json over the registered source-generated contexts. Grain call
/// arguments, results and persistent state all go through it, in-process calls included.
/// </summary>
internal sealed class GrainSerializer
{
    public GrainSerializer(IEnumerable<JsonTypeInfoResolverRegistration> registrations)
    {
        var resolvers = registrations.Select(r => r.Resolver).Append(RuntimeJsonContext.Default).ToArray();
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(resolvers),
        };
        options.MakeReadOnly();
        Options = options;
    }

    /// <summary>The read-only options every grain payload is serialized with.</summary>
    public JsonSerializerOptions Options { get; }

    /// <summary>Returns the JSON metadata of a type, or fails naming the type and where it is used.</summary>
    /// <exception cref="InvalidOperationException">No registered context knows the type.</exception>
    public JsonTypeInfo GetTypeInfo(Type type, string usage)
    {
        try
        {
            return Options.GetTypeInfo(type);
        }
        catch (NotSupportedException ex)
        {
            throw new InvalidOperationException(
                $"{usage} uses type {type.FullName}, which no registered JSON context knows. Add [JsonSerializable(typeof({type.Name}))] to a JsonSerializerContext and register it with AddJsonTypeInfoResolver(...) on the silo and client builders.",
                ex);
        }
    }

    /// <summary>Returns the typed JSON metadata of a type.</summary>
    public JsonTypeInfo<T> GetTypeInfo<T>(string usage) => (JsonTypeInfo<T>)GetTypeInfo(typeof(T), usage);

    /// <summary>Writes call arguments as a JSON array, skipping the cancellation token slot.</summary>
    public static byte[] SerializeArguments(ReadOnlySpan<object?> arguments, JsonTypeInfo?[] typeInfos)
    {
        if (typeInfos.Length == 0 || (typeInfos.Length == 1 && typeInfos[0] is null))
        {
            return EmptyArray;
        }

        // Serialization never awaits, so the calling thread's buffer and writer are reused and only the payload
        // array is allocated. The thread's slot is emptied while in use, so a converter that itself makes a grain
        // call (and so serializes arguments again) gets a writer of its own instead of corrupting this one.
        var writer = t_argumentWriter ?? new ArgumentWriter();
        t_argumentWriter = null;
        try
        {
            return writer.Write(arguments, typeInfos);
        }
        finally
        {
            if (writer.IsWorthKeeping)
            {
                t_argumentWriter = writer;
            }
            else
            {
                writer.Dispose();
            }
        }
    }

    /// <summary>Reads a JSON array written by <see cref="SerializeArguments"/> into an argument array.</summary>
    /// <exception cref="JsonException">The payload does not match the parameters.</exception>
    public static object?[] DeserializeArguments(ReadOnlySpan<byte> payload, JsonTypeInfo?[] typeInfos)
    {
        var arguments = new object?[typeInfos.Length];
        var reader = new Utf8JsonReader(payload);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Grain call arguments must be a JSON array.");
        }

        for (var i = 0; i < typeInfos.Length; i++)
        {
            if (typeInfos[i] is not { } typeInfo)
            {
                continue;
            }

            if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
            {
                throw new JsonException($"Grain call has too few arguments: parameter {i} is missing.");
            }

            arguments[i] = JsonSerializer.Deserialize(ref reader, typeInfo);
        }

        if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
        {
            throw new JsonException("Grain call has more arguments than the method takes.");
        }

        return arguments;
    }

    private static readonly byte[] EmptyArray = "[]"u8.ToArray();

    [ThreadStatic]
    private static ArgumentWriter? t_argumentWriter;

    /// <summary>A reusable buffer and JSON writer for <see cref="SerializeArguments"/>.</summary>
    private sealed class ArgumentWriter : IDisposable
    {
        /// <summary>A buffer grown past this by one large call is dropped rather than kept by the thread.</summary>
        private const int MaxKeptCapacity = 16 * 1024;

        private readonly ArrayBufferWriter<byte> _buffer = new(256);
        private readonly Utf8JsonWriter _writer;

        public ArgumentWriter() => _writer = new Utf8JsonWriter(_buffer);

        public bool IsWorthKeeping => _buffer.Capacity <= MaxKeptCapacity;

        public byte[] Write(ReadOnlySpan<object?> arguments, JsonTypeInfo?[] typeInfos)
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            _writer.WriteStartArray();
            for (var i = 0; i < typeInfos.Length; i++)
            {
                if (typeInfos[i] is { } typeInfo)
                {
                    JsonSerializer.Serialize(_writer, arguments[i], typeInfo);
                }
            }

            _writer.WriteEndArray();
            _writer.Flush();
            return _buffer.WrittenSpan.ToArray();
        }

        public void Dispose() => _writer.Dispose();
    }
}
