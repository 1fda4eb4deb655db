using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaskActors.Grains.Abstractions.Sessions;

/// <summary>What the cluster knows about one MCP session; any gateway replica serves the session from it.</summary>
public sealed record SessionRecord
{
    /// <summary>The session id (the <c>MCP-Session-Id</c> header).</summary>
    [JsonPropertyName("sessionId")]
    public required string SessionId { get; init; }

    /// <summary>The negotiated protocol version.</summary>
    [JsonPropertyName("protocolVersion")]
    public required string ProtocolVersion { get; init; }

    /// <summary>The client's implementation info (JSON).</summary>
    [JsonPropertyName("clientInfo")]
    public JsonElement? ClientInfo { get; init; }

    /// <summary>The client's capabilities (JSON).</summary>
    [JsonPropertyName("clientCapabilities")]
    public JsonElement? ClientCapabilities { get; init; }

    /// <summary>The principal the session is bound to.</summary>
    [JsonPropertyName("principal")]
    public required SessionPrincipal Principal { get; init; }

    /// <summary>The minimum level of log notifications (MCP level name); null until the client sets one.</summary>
    [JsonPropertyName("logLevel")]
    public string? LogLevel { get; init; }

    /// <summary>Whether the client sent notifications/initialized.</summary>
    [JsonPropertyName("initialized")]
    public bool Initialized { get; init; }

    /// <summary>Resource URIs the client subscribed to.</summary>
    [JsonPropertyName("subscriptions")]
    public IReadOnlyList<string> Subscriptions { get; init; } = [];

    /// <summary>When the session was created.</summary>
    [JsonPropertyName("createdAt")]
    public required DateTimeOffset CreatedAt { get; init; }
}
