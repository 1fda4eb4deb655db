using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TaskActors.Gateway.Auth;
using TaskActors.Gateway.Cluster;
using TaskActors.Gateway.Configuration;
using TaskActors.Gateway.Handlers;
using TaskActors.Gateway.Protocol;
using TaskActors.Gateway.Sessions;
using TaskActors.Grains.Abstractions.Sessions;

namespace TaskActors.Gateway.Http;

/// <summary>
/// The MCP endpoint (Streamable HTTP): POST carries client messages, GET opens the session's standalone stream (or
/// resumes a stream by Last-Event-ID), DELETE ends a session. It keeps nothing between requests: sessions and tasks
/// live in grains, so any replica serves any request.
/// </summary>
internal sealed partial class StreamableHttpEndpoint(
    McpDispatcher dispatcher,
    InitializeHandler initialize,
    ClientMessageHandlers clientMessages,
    SessionRelay sessionRelay,
    AnonymousSessionLimiter anonymousSessions,
    Tasks.TaskRelay taskRelay,
    IGrainFactory grains,
    IRequesterResolver requesters,
    IOptions<GatewayOptions> options,
    IOptions<GatewayAuthOptions> authOptions,
    GatewayDrain drain,
    TimeProvider timeProvider,
    ILogger<StreamableHttpEndpoint> logger)
{
    /// <summary>What a request that needed the task store while it did not answer is told (with HTTP 503 and Retry-After).</summary>
    private const string StoreUnavailableMessage = "Service Unavailable: the task store (Redis) did not answer; retry in a second.";

    private GatewayOptions Options => options.Value;

    /// <summary>Answers methods other than GET, POST and DELETE.</summary>
    public static async Task HandleOtherAsync(HttpContext http)
    {
        http.Response.Headers.Allow = "GET, POST, DELETE";
        await TransportErrors.WriteAsync(http.Response, StatusCodes.Status405MethodNotAllowed, McpErrorCodes.ServerError, "Method Not Allowed: the MCP endpoint takes GET, POST and DELETE.");
    }

    /// <summary>Checks origin and host (DNS-rebinding protection); writes 403 and returns false when refused.</summary>
    private async Task<bool> CheckOriginAsync(HttpContext http)
    {
        if (!RequestChecks.IsOriginAllowed(http.Request, Options))
        {
            LogOriginRefused(logger, http.Request.Headers.Origin.ToString());
            await TransportErrors.WriteAsync(http.Response, StatusCodes.Status403Forbidden, McpErrorCodes.ServerError, "Forbidden: this Origin may not call the MCP endpoint.");
            return false;
        }

        if (!RequestChecks.IsHostAllowed(http.Request, Options))
        {
            await TransportErrors.WriteAsync(http.Response, StatusCodes.Status403Forbidden, McpErrorCodes.ServerError, $"Forbidden: invalid Host '{http.Request.Host}'.");
            return false;
        }

        return true;
    }

    /// <summary>Authenticates the request; writes 401/403 with WWW-Authenticate and returns null when refused.</summary>
    private async Task<Requester?> AuthenticateAsync(HttpContext http)
    {
        var resolution = await requesters.ResolveAsync(http);
        if (resolution.IsRefused)
        {
            await AuthChallenges.WriteAsync(http.Response, resolution, authOptions.Value);
            return null;
        }

        return resolution.Requester;
    }

    /// <summary>Finds the request's session and checks it belongs to the requester; writes 400/404 and returns null otherwise.</summary>
    private async Task<McpSession?> ResolveSessionAsync(HttpContext http, Requester requester)
    {
        var headers = http.Request.Headers[McpHttpHeaders.SessionId];
        var header = headers.ToString();
        if (string.IsNullOrEmpty(header))
        {
            await TransportErrors.WriteAsync(http.Response, StatusCodes.Status400BadRequest, McpErrorCodes.ServerError, "Bad Request: the Mcp-Session-Id header is required (send initialize first).");
            return null;
        }

        // Not a value this server could have issued (the spec allows visible ASCII only): a malformed request, 400. Only a
        // well-formed id that names no session of this principal is 404, which tells the client to start a new session.
        if (headers.Count > 1 || !SessionIds.IsWellFormed(header))
        {
            await RefuseAsync(http, StatusCodes.Status400BadRequest, McpErrorCodes.InvalidRequest, "Bad Request: the Mcp-Session-Id must be one value of at most 128 visible ASCII characters.");
            return null;
        }

        SessionRecord? record;
        try
        {
            var session = grains.GetGrain<ISessionGrain>(header);
            record = await ClusterRetry.RunAsync(session.GetAsync, http, timeProvider);
        }
        catch (Exception ex) when (ClusterFailures.IsRetryable(ex))
        {
            // The session's silo is gone and the cluster has not yet moved it, or the store cannot load it: the
            // client should retry shortly.
            LogSessionUnreachable(logger, ex.GetType().Name);
            await WriteUnavailableAsync(
                http,
                null,
                ClusterFailures.IsStoreUnavailable(ex)
                    ? StoreUnavailableMessage
                    : "Service Unavailable: the cluster is moving this session to a live silo; retry in a second.");
            return null;
        }

        if (record is null || !requester.IsSamePrincipal(record.Principal))
        {
            // Another principal's session is indistinguishable from an unknown one.
            await TransportErrors.WriteAsync(http.Response, StatusCodes.Status404NotFound, McpErrorCodes.SessionNotFound, "Session not found: it was never created, was terminated, or belongs to someone else. Initialize a new session.");
            return null;
        }

        var version = http.Request.Headers[McpHttpHeaders.ProtocolVersion].ToString();
        if (version.Length > 0 && !McpProtocolVersions.IsSupported(version))
        {
            await TransportErrors.WriteAsync(http.Response, StatusCodes.Status400BadRequest, McpErrorCodes.ServerError, $"Bad Request: unsupported MCP-Protocol-Version '{version}' (supported: {string.Join(", ", McpProtocolVersions.Supported)}).");
            return null;
        }

        // A supported header that differs from the negotiated version is tolerated: the session's version governs.
        return new McpSession(record, requester);
    }

    /// <summary>Refuses a client's mistake with a 4xx and a JSON-RPC error, logged at Debug: it is not the server's fault.</summary>
    private async Task RefuseAsync(HttpContext http, int status, int code, string message)
    {
        LogRefused(logger, http.Request.Method, status, message);
        await TransportErrors.WriteAsync(http.Response, status, code, message);
    }

    /// <summary>
    /// Answers HTTP 503 with <c>Retry-After: 1</c> and a JSON-RPC error (-32603) for the request <paramref name="id"/>
    /// (null where the request has none, or is not known yet).
    /// </summary>
    private static async Task WriteUnavailableAsync(HttpContext http, System.Text.Json.JsonElement? id, string message)
    {
        if (http.Response.HasStarted)
        {
            return;
        }

        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = "1";
        http.Response.ContentType = McpHttpHeaders.Json;
        await http.Response.Body.WriteAsync(JsonRpc.JsonRpcWriter.Error(id, McpErrorCodes.InternalError, message), http.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Refused a malformed {HttpMethod} with {Status}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string httpMethod, int status, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A session lookup failed through the cluster's recovery ({Reason}); answered 503")]
    private static partial void LogSessionUnreachable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a request from origin {Origin}")]
    private static partial void LogOriginRefused(ILogger logger, string origin);

    [LoggerMessage(Level = LogLevel.Error, Message = "The cluster failed to handle {Method}")]
    private static partial void LogClusterFailure(ILogger logger, string method, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The task store did not answer while handling {Method}; answered 503: {Reason}")]
    private static partial void LogStoreUnavailable(ILogger logger, string method, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stream {StreamId} ended: {Reason}")]
    private static partial void LogStreamEnded(ILogger logger, string streamId, string reason);
}
