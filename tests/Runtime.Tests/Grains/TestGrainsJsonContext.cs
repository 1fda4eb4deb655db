using System.Text.Json.Serialization;

namespace TaskActors.Runtime.Tests.Grains;

[JsonSerializable(typeof(CounterState))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class TestGrainsJsonContext : JsonSerializerContext;
