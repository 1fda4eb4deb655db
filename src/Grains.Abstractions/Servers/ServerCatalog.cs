using System.Text.Json.Serialization;

namespace TaskActors.Grains.Abstractions.Servers;

/// <summary>The cluster's servers, versioned so gateways can cache it and ask only for changes.</summary>
public sealed record ServerCatalog
{
    /// <summary>Increases whenever the catalog changes.</summary>
    [JsonPropertyName("version")]
    public required long Version { get; init; }

    /// <summary>The top-level servers (each with its mounted subtree's primitives).</summary>
    [JsonPropertyName("servers")]
    public required IReadOnlyList<ServerDescriptor> Servers { get; init; }

    /// <summary>Which silos host which top-level servers.</summary>
    [JsonPropertyName("hosts")]
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Hosts { get; init; }
}
