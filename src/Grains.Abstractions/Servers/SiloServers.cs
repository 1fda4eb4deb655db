using System.Text.Json.Serialization;

namespace TaskActors.Grains.Abstractions.Servers;

/// <summary>What one silo hosts: a root server per top-level name, each with its mounted children flattened in.</summary>
/// <param name="Silo">The silo's address.</param>
/// <param name="Servers">The top-level servers, with every tool, prompt and resource of their mounted subtree.</param>
public sealed record SiloServers(
    [property: JsonPropertyName("silo")] string Silo,
    [property: JsonPropertyName("servers")] IReadOnlyList<ServerDescriptor> Servers);
