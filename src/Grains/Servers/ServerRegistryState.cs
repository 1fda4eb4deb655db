using System.Text.Json.Serialization;
using TaskActors.Grains.Abstractions.Servers;

namespace TaskActors.Grains.Servers;

/// <summary>The stored catalog: what each silo registered, and the catalog version.</summary>
public sealed class ServerRegistryState
{
    /// <summary>The layout version of this record.</summary>
    [JsonPropertyName("schema")]
    public int SchemaVersion { get; set; } = 1;

    /// <summary>Increases whenever the catalog changes.</summary>
    [JsonPropertyName("version")]
    public long Version { get; set; }

    /// <summary>What each silo hosts, by silo.</summary>
    [JsonPropertyName("silos")]
    public Dictionary<string, SiloServers> Silos { get; set; } = [];
}
