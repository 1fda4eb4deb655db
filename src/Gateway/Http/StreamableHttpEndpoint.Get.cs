using System.Text.Json;
using Microsoft.AspNetCore.Http;
using TaskActors.Gateway.Cluster;
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

        var lastEventId = http.Request.Headers[McpHttpHeaders.LastEventId].ToString();
        if (lastEventId.Length > 0)
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

        await RunStreamAsync(http, session, streamId, 0, sse => sessionRelay.RelayAsync(sse, grain, session.ProtocolVersion, 0, http.RequestAborted));
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
            await TransportErrors.WriteAsync(http.Response, StatusCodes.Status400BadRequest, McpErrorCodes.ServerError, "Bad Request: the Last-Event-ID is not one this server wrote.");
            return;
        }

        var streamId = SseStreamId.New(previous.Kind, previous.GrainKey, previous.RequestIdText);
        if (previous.Kind == SseStreamKind.Session)
        {
            var grain = grains.GetGrain<ISessionGrain>(session.Id);
            if (previous.GrainKey != session.Id)
            {
                await TransportErrors.WriteAsync(http.Response, StatusCodes.Status409Conflict, McpErrorCodes.ServerError, "Conflict: this session's standalone stream cannot be resumed here now.");
                return;
            }

            if (await TryClaimAsync(http, grain, streamId, cursor) is not { } claimed)
            {
                return;
            }

            if (!claimed)
            {
                await TransportErrors.WriteAsync(http.Response, StatusCodes.Status409Conflict, McpErrorCodes.ServerError, "Conflict: this session's standalone stream cannot be resumed here now.");
                return;
            }

            await RunStreamAsync(http, session, streamId, cursor, sse => sessionRelay.RelayAsync(sse, grain, session.ProtocolVersion, cursor, http.RequestAborted));
            return;
        }

        // A POST stream: only its own principal may resume it (the task grain checks the scope as well).
        if (TaskKey.Parse(previous.GrainKey).Scope != session.Requester.Scope)
        {
            await TransportErrors.WriteAsync(http.Response, StatusCodes.Status404NotFound, McpErrorCodes.ServerError, "Not Found: no such stream.");
            return;
        }

        var task = grains.GetGrain<ITaskGrain>(previous.GrainKey);
        var requestId = JsonDocument.Parse(previous.RequestIdText).RootElement.Clone();
        var relatedTaskId = previous.Kind == SseStreamKind.TaskResult ? TaskKey.Parse(previous.GrainKey).TaskId : null;
        await RunStreamAsync(http, session, streamId, cursor, sse => taskRelay.RelayAsync(sse, task, session.TaskRequester, cursor, session.ProtocolVersion, relatedTaskId, requestId, http.RequestAborted));
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

    private async Task RunStreamAsync(HttpContext http, McpSession session, SseStreamId streamId, long cursor, Func<SseStream, Task> relay)
    {
        var sse = new SseStream(http.Response, streamId);
        try
        {
            await sse.StartAsync(McpProtocolVersions.PrimesStreams(session.ProtocolVersion), Options.SseRetry, cursor, http.RequestAborted);
            await relay(sse);
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
