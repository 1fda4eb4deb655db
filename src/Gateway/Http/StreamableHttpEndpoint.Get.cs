using System.Text.Json;
using Microsoft.AspNetCore.Http;
using TaskActors.Gateway.Cluster;
using TaskActors.Gateway.Handlers;
using TaskActors.Gateway.Protocol;
using TaskActors.Gateway.Sessions;
using TaskActors.Grains.Abstractions.Sessions;
using TaskActors.Grains.Abstractions.Tasks;

namespace TaskActors.Gateway.Http;

/// <summary>GET: the session's standalone stream, or the resumption of any stream by Last-Event-ID; and DELETE.</summary>
internal sealed partial class StreamableHttpEndpoint
{
    public async Task HandleGetAsync(HttpContext http)
    {
        ClusterRetry.StartBudget(http, timeProvider);
        if (!await CheckOriginAsync(http) || await AuthenticateAsync(http) is not { } requester)
        {
            return;
        }

        if (!RequestChecks.AcceptsEventStream(http.Request))
        {
            await TransportErrors.WriteAsync(http.Response, StatusCodes.Status406NotAcceptable, McpErrorCodes.ServerError, "Not Acceptable: the client must accept text/event-stream.");
            return;
        }

        var session = await ResolveSessionAsync(http, requester);
        if (session is null)
        {
            return;
        }

        var lastEventIds = http.Request.Headers[McpHttpHeaders.LastEventId];
        if (lastEventIds.Count > 1)
        {
            await RefuseAsync(http, StatusCodes.Status400BadRequest, McpErrorCodes.InvalidRequest, "Bad Request: send one Last-Event-ID.");
            return;
        }

        if (lastEventIds.ToString() is { Length: > 0 } lastEventId)
        {
            await ResumeAsync(http, session, lastEventId);
            return;
        }

        var grain = grains.GetGrain<ISessionGrain>(session.Id);
        var streamId = SseStreamId.New(SseStreamKind.Session, session.Id);
        if (await TryClaimAsync(http, grain, streamId, 0) is not { } claimed)
        {
            return;
        }

        if (!claimed)
        {
            await TransportErrors.WriteAsync(http.Response, StatusCodes.Status409Conflict, McpErrorCodes.ServerError, "Conflict: this session already has a standalone SSE stream open.");
            return;
        }

        await RunStreamAsync(http, session, streamId, 0, (sse, ct) => sessionRelay.RelayAsync(sse, grain, session.ProtocolVersion, 0, ct));
    }

    public async Task HandleDeleteAsync(HttpContext http)
    {
        ClusterRetry.StartBudget(http, timeProvider);
        if (!await CheckOriginAsync(http) || await AuthenticateAsync(http) is not { } requester)
        {
            return;
        }

        var session = await ResolveSessionAsync(http, requester);
        if (session is null)
        {
            return;
        }

        try
        {
            await grains.GetGrain<ISessionGrain>(session.Id).TerminateAsync(http.RequestAborted);
        }
        catch (Exception ex) when (ClusterFailures.IsRetryable(ex))
        {
            await WriteUnavailableAsync(http, null, ClusterFailures.IsStoreUnavailable(ex) ? StoreUnavailableMessage : "Service Unavailable: the cluster could not reach this session; retry in a second.");
            return;
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>Continues the stream a Last-Event-ID came from, after the event it names.</summary>
    private async Task ResumeAsync(HttpContext http, McpSession session, string lastEventId)
    {
        if (!SseStreamId.TryParse(lastEventId, out var previous, out var cursor))
        {
            await RefuseAsync(http, StatusCodes.Status400BadRequest, McpErrorCodes.InvalidRequest, "Bad Request: the Last-Event-ID is not one this server wrote.");
            return;
        }

        // A well-formed id of a stream this session may not resume (another session's standalone stream or plain call,
        // another principal's task) answers 404, exactly as a stream that never existed: it tells nothing about other
        // sessions. Not 400, because the request is well-formed and only what it names is not there for this session;
        // and the JSON-RPC code is -32600, not the -32001 of an unknown session, so a client can tell that its session
        // itself lives on (Streamable HTTP's 404 "start a new session" is about the Mcp-Session-Id).
        if (!MayResume(session, previous))
        {
            await RefuseAsync(http, StatusCodes.Status404NotFound, McpErrorCodes.InvalidRequest, "Not Found: the Last-Event-ID names no stream of this session.");
            return;
        }

        var streamId = SseStreamId.New(previous.Kind, previous.GrainKey, previous.RequestIdText);
        if (previous.Kind == SseStreamKind.Session)
        {
            var grain = grains.GetGrain<ISessionGrain>(session.Id);
            if (await TryClaimAsync(http, grain, streamId, cursor) is not { } claimed)
            {
                return;
            }

            if (!claimed)
            {
                await TransportErrors.WriteAsync(http.Response, StatusCodes.Status409Conflict, McpErrorCodes.ServerError, "Conflict: this session's standalone stream cannot be resumed here now.");
                return;
            }

            await RunStreamAsync(http, session, streamId, cursor, (sse, ct) => sessionRelay.RelayAsync(sse, grain, session.ProtocolVersion, cursor, ct));
            return;
        }

        // A POST stream (the task grain checks the requester as well).
        var task = grains.GetGrain<ITaskGrain>(previous.GrainKey);
        var requestId = JsonDocument.Parse(previous.RequestIdText).RootElement.Clone();
        var relatedTaskId = previous.Kind == SseStreamKind.TaskResult ? TaskKey.Parse(previous.GrainKey).TaskId : null;
        await RunStreamAsync(http, session, streamId, cursor, (sse, ct) => taskRelay.RelayAsync(sse, task, session.TaskRequester, cursor, session.ProtocolVersion, relatedTaskId, requestId, ct));
    }

    /// <summary>
    /// Whether <paramref name="session"/> may resume <paramref name="stream"/>: its own standalone stream, a plain call it
    /// made (the call's task id derives from session and request id), or a task of its principal's (as tasks/result may).
    /// </summary>
    private static bool MayResume(McpSession session, SseStreamId stream)
    {
        if (stream.Kind == SseStreamKind.Session)
        {
            return stream.GrainKey == session.Id;
        }

        return TaskKeyReader.TryParse(stream.GrainKey, out var scope, out var taskId)
            && scope == session.Requester.Scope
            && (stream.Kind != SseStreamKind.Call || taskId == ToolHandlers.PlainCallId(session.Id, stream.RequestIdText));
    }

    /// <summary>
    /// Claims the session's outbox for <paramref name="streamId"/> (repeatable: a stream claims it again), through the
    /// cluster's passing failures; null once it has answered 503 because the session could not be reached.
    /// </summary>
    private async Task<bool?> TryClaimAsync(HttpContext http, ISessionGrain grain, SseStreamId streamId, long cursor)
    {
        try
        {
            return await ClusterRetry.RunAsync(ct => SessionRelay.TryClaimAsync(grain, streamId, cursor, ct), http, timeProvider);
        }
        catch (Exception ex) when (ClusterFailures.IsRetryable(ex))
        {
            await WriteUnavailableAsync(http, null, ClusterFailures.IsStoreUnavailable(ex) ? StoreUnavailableMessage : "Service Unavailable: the cluster is moving this session to a live silo; retry in a second.");
            return null;
        }
    }

    private async Task RunStreamAsync(HttpContext http, McpSession session, SseStreamId streamId, long cursor, Func<SseStream, CancellationToken, Task> relay)
    {
        var sse = new SseStream(http.Response, streamId);
        try
        {
            await sse.StartAsync(McpProtocolVersions.PrimesStreams(session.ProtocolVersion), Options.SseRetry, cursor, http.RequestAborted);
            await RelayUntilDrainedAsync(http, sse, relay);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            LogStreamEnded(logger, streamId.Nonce, "client disconnected");
        }
        catch (Exception ex) when (ClusterFailures.IsRetryable(ex))
        {
            // The stream ends; the client reconnects (its Last-Event-ID resumes it).
            LogStreamEnded(logger, streamId.Nonce, ex.Message);
        }
    }
}
