using System.Text.Json;
using System.Text.Json.Serialization;
using TaskActors.Grains.Abstractions.Servers;
using TaskActors.Grains.Abstractions.Sessions;
using TaskActors.Grains.Abstractions.Tasks;

namespace TaskActors.Grains.Abstractions;

/// <summary>Source-generated JSON metadata for every grain argument and result of TaskActors' grain interfaces.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(TaskStartRequest))]
[JsonSerializable(typeof(AccessTokenSnapshot))]
[JsonSerializable(typeof(TaskStartResult))]
[JsonSerializable(typeof(TaskRequester))]
[JsonSerializable(typeof(TaskView))]
[JsonSerializable(typeof(TaskPollRequest))]
[JsonSerializable(typeof(TaskPollResult))]
[JsonSerializable(typeof(TaskCancelResult))]
[JsonSerializable(typeof(TaskInputAnswer))]
[JsonSerializable(typeof(TaskInputRequest))]
[JsonSerializable(typeof(TaskNotification))]
[JsonSerializable(typeof(TaskOutcome))]
[JsonSerializable(typeof(TaskAdmission))]
[JsonSerializable(typeof(TaskAdmissionRequest))]
[JsonSerializable(typeof(TaskListPage))]
[JsonSerializable(typeof(SessionInit))]
[JsonSerializable(typeof(SessionRecord))]
[JsonSerializable(typeof(SessionMessage))]
[JsonSerializable(typeof(SessionPollResult))]
[JsonSerializable(typeof(SiloServers))]
[JsonSerializable(typeof(ServerCatalog))]
[JsonSerializable(typeof(ToolTaskSupport))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonNode))]
[JsonSerializable(typeof(IReadOnlyList<ServerDescriptor>))]
[JsonSerializable(typeof(ServerInvocation))]
[JsonSerializable(typeof(ServerInvocationResult))]
public sealed partial class GrainsAbstractionsJsonContext : JsonSerializerContext;
