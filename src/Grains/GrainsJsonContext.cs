using System.Text.Json;
using System.Text.Json.Serialization;
using TaskActors.Grains.Servers;
using TaskActors.Grains.Sessions;
using TaskActors.Grains.Tasks;

namespace TaskActors.Grains;

/// <summary>Source-generated JSON metadata for the stored state of TaskActors' grains.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(TaskGrainState))]
[JsonSerializable(typeof(SessionGrainState))]
[JsonSerializable(typeof(ServerRegistryState))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class GrainsJsonContext : JsonSerializerContext;
