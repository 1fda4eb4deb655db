using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TaskActors.Gateway.Catalog;
using TaskActors.Gateway.Cluster;
using TaskActors.Gateway.Configuration;
using TaskActors.Gateway.Http;
using TaskActors.Gateway.JsonRpc;
using TaskActors.Gateway.Protocol;
using TaskActors.Gateway.Tasks;
using TaskActors.Gateway.Validation;
using TaskActors.Grains.Abstractions.Servers;
using TaskActors.Grains.Abstractions.Tasks;

namespace TaskActors.Gateway.Handlers;

/// <summary>
/// tools/list and tools/call. A call is checked against the tool's task support and input schema before anything
/// exists; a task-augmented call creates a durable task and answers CreateTaskResult once it is stored; a plain call
/// runs through a transient task grain whose messages stream back on the POST.
/// </summary>
/// <remarks>
/// A task's creation is retried through the cluster's and the store's passing failures (<see cref="ClusterRetry"/>)
/// with the same task id: admission counts a task id once, and a task grain asked to start the task it already holds
/// answers that task. So a silo that stops or dies under the creation, or a store that does not answer for a while,
/// makes the creation slower, not failed, and never makes two tasks.
/// </remarks>
internal sealed partial class ToolHandlers(IGrainFactory grains, CatalogCache catalog, TaskContextFactory contexts, TaskRelay relay, IOptions<GatewayOptions> options, TimeProvider timeProvider, ILoggerFactory loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger<ToolHandlers>();
    private readonly ILogger _audit = loggers.CreateLogger(AuditLog.Category);

    private const string PlainCallPrefix = "call-";

    private static readonly JsonElement EmptyArguments = JsonDocument.Parse("{}").RootElement.Clone();

    public async ValueTask<McpReply> ListAsync(McpCall call, CancellationToken cancellationToken)
    {
        var served = await catalog.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var (page, next) = Pagination.Page(served.Tools, call.OptionalString("cursor"), options.Value.PageSize);
        var hasTasks = McpProtocolVersions.HasTasks(call.Session.ProtocolVersion);
        var tools = new JsonArray([.. page.Select(t => (JsonNode)ToolJson(t, hasTasks))]);
        var result = new JsonObject { ["tools"] = tools };
        if (next is not null)
        {
            result["nextCursor"] = next;
        }

        return new ResultReply(result);
    }

    public async ValueTask<McpReply> CallAsync(McpCall call, CancellationToken cancellationToken)
    {
        var name = call.RequiredString("name");
        var tool = await FindToolAsync(name, cancellationToken).ConfigureAwait(false);
        var arguments = call.Params.TryGetProperty("arguments", out var args) && args.ValueKind != JsonValueKind.Null ? args : EmptyArguments;
        if (arguments.ValueKind != JsonValueKind.Object)
        {
            throw new McpRequestException(McpErrorCodes.InvalidParams, "Invalid params: \"arguments\" must be an object.");
        }

        var hasTasks = McpProtocolVersions.HasTasks(call.Session.ProtocolVersion);
        var taskRequested = hasTasks && call.Params.TryGetProperty("task", out var task) && task.ValueKind != JsonValueKind.Null;
        if (taskRequested && tool.TaskSupport == ToolTaskSupport.Forbidden)
        {
            throw new McpRequestException(McpErrorCodes.MethodNotFound, $"Tool '{name}' does not support task-augmented execution; call it without \"task\".");
        }

        if (hasTasks && !taskRequested && tool.TaskSupport == ToolTaskSupport.Required)
        {
            throw new McpRequestException(McpErrorCodes.MethodNotFound, $"Tool '{name}' requires task-augmented execution; call it with \"task\".");
        }

        ValidateArguments(tool, arguments);
        var progressToken = call.Params.TryGetProperty("_meta", out var meta) && meta.ValueKind == JsonValueKind.Object && meta.TryGetProperty(McpMetaKeys.ProgressToken, out var token)
            ? token.Clone()
            : (JsonElement?)null;
        return taskRequested
            ? await CreateTaskAsync(call, tool, arguments.Clone(), progressToken, call.Params.GetProperty("task"), cancellationToken).ConfigureAwait(false)
            : await RunPlainCallAsync(call, tool, arguments.Clone(), progressToken, cancellationToken).ConfigureAwait(false);
    }

    private async Task<McpReply> CreateTaskAsync(McpCall call, ToolDescriptor tool, JsonElement arguments, JsonElement? progressToken, JsonElement taskParams, CancellationToken cancellationToken)
    {
        var ttl = TaskTtl.Resolve(taskParams, options.Value);
        var session = call.Session;
        var taskId = Sessions.SessionIds.NewTaskId();
        var scope = grains.GetGrain<ITaskScopeGrain>(session.RequestorKey);
        void Retried(Exception exception) => LogCreationRetried(_logger, taskId, exception.Message);
        var admit = new TaskAdmissionRequest(taskId, TaskFootprint.Bytes(arguments), timeProvider.GetUtcNow() + ttl);
        var admission = await ClusterRetry.RunAsync(ct => scope.AdmitAsync(admit, ct), call.Http, timeProvider, Retried).ConfigureAwait(false);
        if (!admission.Admitted)
        {
            TaskAudit.CreationRefused(_audit, session.Requester.Scope, admission.Reason ?? "not admitted");
            var data = admission.RetryAfterMs is { } retryAfterMs ? new JsonObject { ["retryAfterMs"] = retryAfterMs } : null;
            throw new McpRequestException(admission.ErrorCode, admission.Reason ?? "The task was not admitted.", data);
        }

        try
        {
            var grain = grains.GetGrain<ITaskGrain>(TaskKey.Format(session.Requester.Scope, taskId));
            var start = new TaskStartRequest
            {
                Context = contexts.Create(call, taskId, tool.Server, tool.ToolName, tool.ExposedName, arguments, progressToken),
                Durable = true,
                Ttl = ttl,
                PollInterval = options.Value.TaskPollInterval,
                ListPartition = session.RequestorKey,
            };
            var started = await ClusterRetry.RunAsync(ct => grain.StartAsync(start, ct), call.Http, timeProvider, Retried).ConfigureAwait(false);
            return new ResultReply(TaskWire.CreateTaskResult(started.View));
        }
        catch (Exception ex)
        {
            await ReleaseAsync(scope, taskId, ex).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Gives a task's admission back after its creation failed; a failure to do so only leaves a count the scope rebuilds.</summary>
    private async Task ReleaseAsync(ITaskScopeGrain scope, string taskId, Exception creationFailure)
    {
        try
        {
            await scope.ReleaseAsync(taskId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ClusterFailures.IsRetryable(ex))
        {
            // The creation's own failure is what the client hears of; the scope recounts its tasks when it next activates.
            LogReleaseFailed(_logger, taskId, creationFailure.Message, ex);
        }
    }

    private async Task<McpReply> RunPlainCallAsync(McpCall call, ToolDescriptor tool, JsonElement arguments, JsonElement? progressToken, CancellationToken cancellationToken)
    {
        var session = call.Session;
        var callId = PlainCallId(session.Id, call.Message.IdText!);
        var key = TaskKey.Format(session.Requester.Scope, callId);
        var grain = grains.GetGrain<ITaskGrain>(key);
        await grain.StartAsync(
            new TaskStartRequest
            {
                Context = contexts.Create(call, callId, tool.Server, tool.ToolName, tool.ExposedName, arguments, progressToken),
                Durable = false,
                Ttl = null,
                PollInterval = options.Value.TaskPollInterval,
                ListPartition = session.RequestorKey,
            },
            cancellationToken).ConfigureAwait(false);
        var requestId = call.Message.Id!.Value;
        return new StreamReply(
            SseStreamId.New(SseStreamKind.Call, key, call.Message.IdText!),
            0,
            (sse, ct) => relay.RelayAsync(sse, grain, session.TaskRequester, 0, session.ProtocolVersion, relatedTaskId: null, requestId, ct));
    }

    /// <summary>
    /// The id of the transient task behind a plain call: derived from session and request id, so notifications/cancelled
    /// (which names only the request id) reaches it from any gateway replica. It is no task id: tasks/* refuse it
    /// (<see cref="IsPlainCallId"/>), so only the session that made the call reads it, on its stream.
    /// </summary>
    public static string PlainCallId(string sessionId, string requestIdText) =>
        PlainCallPrefix + Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes($"{sessionId}\n{requestIdText}")).AsSpan(0, 18));

    /// <summary>Whether <paramref name="id"/> names a plain call's transient task (task ids are hex, without this prefix).</summary>
    public static bool IsPlainCallId(string id) => id.StartsWith(PlainCallPrefix, StringComparison.Ordinal);

    private async Task<ToolDescriptor> FindToolAsync(string name, CancellationToken cancellationToken)
    {
        var served = await catalog.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (served.ToolsByName.TryGetValue(name, out var tool))
        {
            return tool;
        }

        served = await catalog.GetAsync(force: true, cancellationToken).ConfigureAwait(false);
        return served.ToolsByName.TryGetValue(name, out tool)
            ? tool
            : throw new McpRequestException(McpErrorCodes.InvalidParams, $"Unknown tool: '{name}'.");
    }

    private void ValidateArguments(ToolDescriptor tool, JsonElement arguments)
    {
        if (!tool.Definition.TryGetProperty("inputSchema", out var schema))
        {
            return;
        }

        var errors = JsonSchemaValidator.Validate(tool.ExposedName, schema, arguments, _logger);
        if (errors.Count > 0)
        {
            throw new McpRequestException(
                McpErrorCodes.InvalidParams,
                $"Invalid arguments for tool '{tool.ExposedName}': {string.Join(" ", errors)}",
                new JsonObject { ["errors"] = new JsonArray([.. errors.Select(e => (JsonNode)e)]) });
        }
    }

    private static JsonObject ToolJson(ToolDescriptor tool, bool hasTasks)
    {
        var json = (JsonObject)JsonNode.Parse(tool.Definition.GetRawText())!;
        json["name"] = tool.ExposedName;
        json.Remove("execution");
        if (hasTasks)
        {
            json["execution"] = new JsonObject { ["taskSupport"] = JsonSerializer.SerializeToNode(tool.TaskSupport, Grains.Abstractions.GrainsAbstractionsJsonContext.Default.ToolTaskSupport) };
        }

        return json;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Creating task {TaskId} failed through the cluster's recovery ({Reason}); trying again with the same id")]
    private static partial void LogCreationRetried(ILogger logger, string taskId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId} was not created ({Reason}), and its admission could not be given back")]
    private static partial void LogReleaseFailed(ILogger logger, string taskId, string reason, Exception exception);
}
