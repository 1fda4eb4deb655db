using System.Text.Json.Serialization;

namespace TaskActors.Runtime.Benchmarks.Grains;

/// <summary>Source-generated JSON metadata for the arguments and results of <see cref="IBenchGrain"/>.</summary>
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(string))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
