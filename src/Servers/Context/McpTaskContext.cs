using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using TaskActors.Grains.Abstractions.Tasks;
using TaskActors.Servers.Definition;

namespace TaskActors.Servers.Context;

/// <summary>
/// What a tool knows about the request that started it, as FastMCP's task context gives it: task id, scope, session,
/// access token (null once expired), the mounted server that owns the tool and its lifespan state, plus progress,
/// logging, elicitation and cancellation. Take it as a tool parameter, or read <see cref="Current"/>.
/// It is restored from the task's stored snapshot, so it is the same on any silo, and it never leaks between
/// concurrent runs (it flows with the run's async context only).
/// </summary>
public sealed class McpTaskContext
{
    private static readonly AsyncLocal<McpTaskContext?> CurrentContext = new();
    private readonly TaskContextSnapshot _snapshot;
    private readonly TimeProvider _timeProvider;

    internal McpTaskContext(TaskContextSnapshot snapshot, McpServerContextInfo server, McpServer session, bool isBackgroundTask, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        _snapshot = snapshot;
        _timeProvider = timeProvider;
        Server = server;
        Session = session;
        IsBackgroundTask = isBackgroundTask;
        CancellationToken = cancellationToken;
    }

    /// <summary>The context of the tool run on this async flow, or null outside one.</summary>
    public static McpTaskContext? Current => CurrentContext.Value;

    /// <summary>Whether the tool runs as an MCP background task (rather than a plain tools/call).</summary>
    public bool IsBackgroundTask { get; }

    /// <summary>The task id, for background tasks.</summary>
    public string? TaskId => IsBackgroundTask ? _snapshot.TaskId : null;

    /// <summary>The authorization scope the run is bound to (<c>client_id|sub</c>, <c>client_id</c> or <c>anon</c>).</summary>
    public string Scope => _snapshot.Scope;

    /// <summary>The MCP session that started the run; it may have ended since.</summary>
    public string? SessionId => _snapshot.SessionId;

    /// <summary>The JSON-RPC id of the request that started the run, as JSON text.</summary>
    public string? OriginRequestId => _snapshot.OriginRequestId;

    /// <summary>The protocol version of the starting session.</summary>
    public string ProtocolVersion => _snapshot.ProtocolVersion;

    /// <summary>Request headers on the gateway's allow-list.</summary>
    public IReadOnlyDictionary<string, string> Headers => _snapshot.Headers;

    /// <summary>The caller's access token as submitted, or null when anonymous or when it has expired.</summary>
    public AccessTokenSnapshot? AccessToken =>
        _snapshot.AccessToken is { } token && (token.ExpiresAt is null || token.ExpiresAt > _timeProvider.GetUtcNow()) ? token : null;

    /// <summary>The OAuth client of the caller, whether or not its token has expired.</summary>
    public string? ClientId => _snapshot.AccessToken?.ClientId;

    /// <summary>The subject (user) of the caller, whether or not its token has expired.</summary>
    public string? Subject => _snapshot.AccessToken?.Subject;

    /// <summary>The (possibly mounted) server that owns the tool, and its lifespan state.</summary>
    public McpServerContextInfo Server { get; }

    /// <summary>The MCP session as the SDK models it: elicitation, sampling and notifications go to the client through it.</summary>
    public McpServer Session { get; }

    /// <summary>Fires when the task is cancelled (tasks/cancel or notifications/cancelled), on whichever silo runs it.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The server's lifespan state, as <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidOperationException">The server has no lifespan state of that type.</exception>
    public T GetLifespanState<T>()
        where T : class =>
        Server.LifespanState as T ?? throw new InvalidOperationException($"Server '{Server.Path}' has no lifespan state of type {typeof(T).Name}.");

    /// <summary>Reports progress under the request's progress token (a no-op when it had none).</summary>
    public Task ReportProgressAsync(double progress, double? total = null, string? message = null)
    {
        if (_snapshot.ProgressToken is not { } token)
        {
            return Task.CompletedTask;
        }

        var progressToken = System.Text.Json.JsonSerializer.Deserialize(token, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ProgressToken))) is ProgressToken parsed ? parsed : default;
        return Session.NotifyProgressAsync(progressToken, new ProgressNotificationValue { Progress = (float)progress, Total = (float?)total, Message = message }, cancellationToken: CancellationToken);
    }

    /// <summary>Sends a log notification to the client, if the session's log level lets it through.</summary>
    public Task LogAsync(LoggingLevel level, string message, string? logger = null) =>
        Session.SendNotificationAsync(
            NotificationMethods.LoggingMessageNotification,
            new LoggingMessageNotificationParams { Level = level, Logger = logger, Data = System.Text.Json.JsonSerializer.SerializeToElement(message, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(string))) },
            McpJsonUtilities.DefaultOptions,
            CancellationToken);

    internal static IDisposable Enter(McpTaskContext context)
    {
        var previous = CurrentContext.Value;
        CurrentContext.Value = context;
        return new Restore(previous);
    }

    private sealed class Restore(McpTaskContext? previous) : IDisposable
    {
        public void Dispose() => CurrentContext.Value = previous;
    }
}
