using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaskActors.Grains.Abstractions.Sessions;

/// <summary>What an initialize request establishes.</summary>
public sealed record SessionInit
{
    /// <summary>The negotiated protocol version.</summary>
    [JsonPropertyName("protocolVersion")]
    public required string ProtocolVersion { get; init; }

    /// <summary>The client's implementation info (JSON).</summary>
    [JsonPropertyName("clientInfo")]
    public JsonElement? ClientInfo { get; init; }

    /// <summary>The client's capabilities (JSON).</summary>
    [JsonPropertyName("clientCapabilities")]
    public JsonElement? ClientCapabilities { get; init; }

    /// <summary>The principal that initialized the session.</summary>
    [JsonPropertyName("principal")]
    public required SessionPrincipal Principal { get; init; }
}
