using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using TaskActors.Grains.Abstractions.Tasks;
using TaskActors.Servers.Catalog;

namespace TaskActors.Servers.Execution;

/// <summary>
/// The SDK's view of the MCP session for one handler invocation. Tools written against the C# SDK call
/// <c>ElicitAsync</c>, <c>SampleAsync</c>, <c>NotifyProgressAsync</c> or send notifications on it as usual; here those
/// travel through the invocation's <see cref="IClientChannel"/> (the task grain) to whichever gateway holds a stream.
/// </summary>
internal sealed class GrainBackedMcpServer : McpServer
{
    private readonly TaskContextSnapshot _snapshot;
    private readonly IClientChannel _channel;
    private readonly LoggingLevel? _logLevel;

    public GrainBackedMcpServer(TaskContextSnapshot snapshot, HostedServer server, IClientChannel channel, IServiceProvider services)
    {
        _snapshot = snapshot;
        _channel = channel;
        Services = services;
        ServerOptions = new McpServerOptions { ServerInfo = server.Definition.Info, ServerInstructions = server.Definition.Instructions };
        ClientCapabilities = Read<ClientCapabilities>(snapshot.ClientCapabilities);
        ClientInfo = Read<Implementation>(snapshot.ClientInfo);
        _logLevel = snapshot.LogLevel is { } level ? Read<LoggingLevel>(JsonSerializer.SerializeToElement(level, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(string)))) : null;
    }

    public override ClientCapabilities? ClientCapabilities { get; }

    public override Implementation? ClientInfo { get; }

    public override McpServerOptions ServerOptions { get; }

    public override IServiceProvider? Services { get; }

    [Obsolete("Logging is deprecated from the 2026-07-28 spec on; the 2025-11-25 protocol served here has it.")]
    public override LoggingLevel? LoggingLevel => _logLevel;

    public override string? SessionId => _snapshot.SessionId;

    public override string? NegotiatedProtocolVersion => _snapshot.ProtocolVersion;

    public override Task RunAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public override async Task SendMessageAsync(JsonRpcMessage message, CancellationToken cancellationToken = default)
    {
        if (message is not JsonRpcNotification notification)
        {
            throw new NotSupportedException($"A handler can send notifications and requests to the client, not {message.GetType().Name}.");
        }

        var parameters = ToElement(notification.Params);
        if (notification.Method == NotificationMethods.LoggingMessageNotification && IsBelowLogLevel(parameters))
        {
            return;
        }

        await _channel.NotifyAsync(new TaskNotification { Method = notification.Method, Params = parameters }, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<JsonRpcResponse> SendRequestAsync(JsonRpcRequest request, CancellationToken cancellationToken = default)
    {
        var answer = await _channel.RequestAsync(new TaskInputRequest { Method = request.Method, Params = ToElement(request.Params) }, cancellationToken).ConfigureAwait(false);
        if (answer.Error is { } error)
        {
            throw new McpProtocolException(error.Message, (McpErrorCode)error.Code);
        }

        return new JsonRpcResponse
        {
            Id = request.Id,
            Result = answer.Result is { } result ? JsonNode.Parse(result.GetRawText()) : new JsonObject(),
        };
    }

    public override IAsyncDisposable RegisterNotificationHandler(string method, Func<JsonRpcNotification, CancellationToken, ValueTask> handler) =>
        throw new NotSupportedException("Handlers run per request; they cannot register notification handlers on the session.");

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static JsonElement? ToElement(JsonNode? node) =>
        node is null ? null : JsonSerializer.SerializeToElement(node, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonNode)));

    private static T? Read<T>(JsonElement? element)
        where T : notnull =>
        element is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } json
            ? (T?)json.Deserialize(McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(T)))
            : default;

    private bool IsBelowLogLevel(JsonElement? parameters)
    {
        if (_logLevel is not { } minimum || parameters is not { ValueKind: JsonValueKind.Object } json || !json.TryGetProperty("level", out var level))
        {
            return false;
        }

        return Read<LoggingLevel>(level) is var sent && sent < minimum;
    }
}
