using System.Text.Json;
using System.Text.Json.Serialization;
using TaskActors.Runtime.Abstractions.Reminders;

namespace TaskActors.Runtime.Serialization;

/// <summary>
/// Source-generated JSON metadata for the types the runtime itself puts on the wire: primitives that grain methods
/// commonly take or return, and the runtime's own argument types. Grain assemblies register their own context.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(Guid))]
[JsonSerializable(typeof(TimeSpan))]
[JsonSerializable(typeof(DateTimeOffset))]
[JsonSerializable(typeof(DateTimeOffset?))]
[JsonSerializable(typeof(byte[]))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(TickStatus))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext;
