using System.Text.Json.Serialization;
using TaskActors.SampleServers.Tasks;

namespace TaskActors.SampleServers;

/// <summary>The JSON contract of the sample servers' own reports.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(WhoAmIReport))]
[JsonSerializable(typeof(SlowWhoAmIReport))]
internal sealed partial class SampleServersJsonContext : JsonSerializerContext;
