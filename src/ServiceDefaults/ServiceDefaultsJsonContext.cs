using System.Text.Json.Serialization;
using TaskActors.ServiceDefaults.Diagnostics;

namespace TaskActors.ServiceDefaults;

/// <summary>Source-generated JSON for what the shared endpoints return.</summary>
[JsonSerializable(typeof(CounterReport))]
internal sealed partial class ServiceDefaultsJsonContext : JsonSerializerContext;
