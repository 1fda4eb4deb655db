using System.Text.Json;
using System.Text.Json.Serialization;
using TaskActors.SampleServers.Lifespan;
using TaskActors.Servers.Context;

namespace TaskActors.SampleServers.Tasks;

/// <summary>
/// The task context a tool run sees, as <c>whoami</c> returns it (JSON text). It says whether a token is present,
/// never what it is; <c>client_id</c> and <c>sub</c> are named like the token claims they come from.
/// </summary>
internal sealed record WhoAmIReport
{
    /// <summary>The task id; null for a plain call.</summary>
    [JsonPropertyName("taskId")]
    public string? TaskId { get; init; }

    /// <summary>The authorization scope of the run.</summary>
    [JsonPropertyName("scope")]
    public required string Scope { get; init; }

    /// <summary>The session that started the run.</summary>
    [JsonPropertyName("sessionId")]
    public string? SessionId { get; init; }

    /// <summary>The caller's OAuth client.</summary>
    [JsonPropertyName("client_id")]
    public string? ClientId { get; init; }

    /// <summary>The caller's subject.</summary>
    [JsonPropertyName("sub")]
    public string? Subject { get; init; }

    /// <summary>The path of the server that owns the tool, e.g. <c>samples/child</c>.</summary>
    [JsonPropertyName("serverPath")]
    public required string ServerPath { get; init; }

    /// <summary>The name of the server that owns the tool (a mount prefix for a child).</summary>
    [JsonPropertyName("serverName")]
    public required string ServerName { get; init; }

    /// <summary>Whether the tool runs as a background task.</summary>
    [JsonPropertyName("isBackgroundTask")]
    public required bool IsBackgroundTask { get; init; }

    /// <summary>Whether an unexpired access token reached the run.</summary>
    [JsonPropertyName("hasAccessToken")]
    public required bool HasAccessToken { get; init; }

    /// <summary>The samples lifespan state the run sees; null when its server has none.</summary>
    [JsonPropertyName("lifespan")]
    public LifespanReport? Lifespan { get; init; }

    /// <summary>The report of <paramref name="context"/>.</summary>
    public static WhoAmIReport Of(McpTaskContext context) => new()
    {
        TaskId = context.TaskId,
        Scope = context.Scope,
        SessionId = context.SessionId,
        ClientId = context.ClientId,
        Subject = context.Subject,
        ServerPath = context.Server.Path,
        ServerName = context.Server.Name,
        IsBackgroundTask = context.IsBackgroundTask,
        HasAccessToken = context.AccessToken is not null,
        Lifespan = context.Server.LifespanState is SamplesLifespanState state ? LifespanReport.Of(state) : null,
    };

    /// <summary>The report as compact JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, SampleServersJsonContext.Default.WhoAmIReport);
}
