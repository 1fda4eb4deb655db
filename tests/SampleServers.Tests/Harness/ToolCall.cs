using System.Text.Json;
using TaskActors.Grains.Abstractions.Tasks;

namespace TaskActors.SampleServers.Tests.Harness;

/// <summary>A tools/call as the gateway hands it to a silo, with test defaults for everything the test does not set.</summary>
/// <param name="ExposedTool">The name the client calls, e.g. <c>child_whoami</c>.</param>
internal sealed record ToolCall(string ExposedTool)
{
    /// <summary>The arguments as a JSON object, or null for a call without the <c>arguments</c> key.</summary>
    public string? Arguments { get; init; }

    /// <summary>Whether the call runs as a background task.</summary>
    public bool IsBackgroundTask { get; init; }

    public string TaskId { get; init; } = Guid.NewGuid().ToString("N");

    public string Scope { get; init; } = TaskScopes.Anonymous;

    public string SessionId { get; init; } = "session-1";

    /// <summary>The request's progress token as JSON (a number or a string), or null for none.</summary>
    public string? ProgressToken { get; init; }

    public AccessTokenSnapshot? AccessToken { get; init; }

    /// <summary>The session's minimum log level (MCP level name), or null for none set.</summary>
    public string? LogLevel { get; init; }

    /// <summary>The client's capabilities as JSON; by default it can sample and elicit.</summary>
    public string ClientCapabilities { get; init; } = """{"sampling":{},"elicitation":{}}""";

    /// <summary>The snapshot of this call to the tool <paramref name="tool"/> of the server at <paramref name="serverPath"/>.</summary>
    public TaskContextSnapshot ToSnapshot(string serverPath, string tool) => new()
    {
        TaskId = TaskId,
        Scope = Scope,
        SessionId = SessionId,
        OriginRequestId = "7",
        AccessToken = AccessToken,
        Server = serverPath,
        Tool = tool,
        ExposedTool = ExposedTool,
        Arguments = Arguments is null ? null : JsonElement.Parse(Arguments),
        ProgressToken = ProgressToken is null ? null : JsonElement.Parse(ProgressToken),
        ProtocolVersion = "2025-11-25",
        ClientCapabilities = JsonElement.Parse(ClientCapabilities),
        ClientInfo = JsonElement.Parse("""{"name":"sample-servers-tests","version":"1.0.0"}"""),
        LogLevel = LogLevel,
    };
}
