using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using TaskActors.Gateway.Cluster;
using TaskActors.Gateway.Auth;
using TaskActors.Gateway.Handlers;
using TaskActors.Gateway.JsonRpc;
using TaskActors.Gateway.Protocol;
using TaskActors.Gateway.Sessions;

namespace TaskActors.Gateway.Http;

/// <summary>POST: one JSON-RPC message (or, in protocol 2025-03-26, a batch) per request.</summary>
internal sealed partial class StreamableHttpEndpoint
{
    public async Task HandlePostAsync(HttpContext http)
    {
        ClusterRetry.StartBudget(http, timeProvider);
        if (!await CheckOriginAsync(http) || await AuthenticateAsync(http) is not { } requester)
        {
            return;
        }

        if (!RequestChecks.AcceptsJsonAndEventStream(http.Request))
        {
            await TransportErrors.WriteAsync(http.Response, StatusCodes.Status406NotAcceptable, McpErrorCodes.ServerError, "Not Acceptable: the client must accept both application/json and text/event-stream.");
            return;
        }

        if (!RequestChecks.IsJsonContent(http.Request))
        {
            await TransportErrors.WriteAsync(http.Response, StatusCodes.Status415UnsupportedMediaType, McpErrorCodes.ServerError, "Unsupported Media Type: the body must be application/json.");
            return;
        }

        var body = await ReadBodyAsync(http);
        if (body is null)
        {
            await TransportErrors.WriteAsync(http.Response, StatusCodes.Status413PayloadTooLarge, McpErrorCodes.InvalidRequest, $"Payload Too Large: the body exceeds {Options.MaxRequestBodyBytes} bytes.");
            return;
        }

        var parsed = JsonRpcParser.Parse(body, Options.MaxBatchLength);
        if (!parsed.IsValid)
        {
            await RefuseAsync(http, StatusCodes.Status400BadRequest, parsed.ErrorCode!.Value, parsed.ErrorMessage!);
            return;
        }

        var isInitialize = parsed.Messages.Any(m => m.Kind == JsonRpcMessageKind.Request && m.Method == McpMethods.Initialize);
        if (isInitialize)
        {
            await InitializeAsync(http, parsed, requester);
            return;
        }

        var session = await ResolveSessionAsync(http, requester);
        if (session is null)
        {
            return;
        }

        if (parsed.IsBatch)
        {
            if (!McpProtocolVersions.AllowsBatches(session.ProtocolVersion))
            {
                await TransportErrors.WriteAsync(http.Response, StatusCodes.Status400BadRequest, McpErrorCodes.InvalidRequest, $"Invalid Request: JSON-RPC batches are not part of protocol {session.ProtocolVersion}; send one message per request.");
                return;
            }

            await HandleBatchAsync(http, session, parsed.Messages);
            return;
        }

        var message = parsed.Messages[0];
        switch (message.Kind)
        {
            case JsonRpcMessageKind.Request:
                await WriteReplyAsync(http, session, message, await DispatchAsync(http, session, message));
                break;
            case JsonRpcMessageKind.Notification:
                if (await DispatchAsync(http, session, message) is MalformedParamsReply malformed)
                {
                    // Streamable HTTP: a notification the server cannot accept gets an HTTP error (400) and an id-less error.
                    await RefuseAsync(http, StatusCodes.Status400BadRequest, McpErrorCodes.InvalidParams, malformed.Message);
                    break;
                }

                http.Response.StatusCode = StatusCodes.Status202Accepted;
                break;
            default:
                bool answered;
                try
                {
                    answered = await clientMessages.AnswerAsync(message, session, http);
                }
                catch (Exception ex) when (ClusterFailures.IsRetryable(ex))
                {
                    // The answer did not reach its task; the task keeps asking, and the client may send it again.
                    LogStoreOrCluster(ex, "response");
                    await WriteUnavailableAsync(http, null, UnavailableMessage(ex));
                    break;
                }

                if (answered)
                {
                    http.Response.StatusCode = StatusCodes.Status202Accepted;
                }
                else
                {
                    await RefuseAsync(http, StatusCodes.Status400BadRequest, McpErrorCodes.InvalidRequest, $"Invalid Request: no request of this server has the id {message.IdText}.");
                }

                break;
        }
    }

    private async Task InitializeAsync(HttpContext http, JsonRpcParseResult parsed, Requester requester)
    {
        if (parsed.IsBatch)
        {
            await TransportErrors.WriteAsync(http.Response, StatusCodes.Status400BadRequest, McpErrorCodes.InvalidRequest, "Invalid Request: initialize must not be part of a batch.");
            return;
        }

        if (http.Request.Headers.ContainsKey(McpHttpHeaders.SessionId))
        {
            await TransportErrors.WriteAsync(http.Response, StatusCodes.Status400BadRequest, McpErrorCodes.InvalidRequest, "Invalid Request: this session is already initialized; initialize without an Mcp-Session-Id to start a new one.");
            return;
        }

        if (requester.AccessToken is null && !anonymousSessions.TryAcquire(http.Connection.RemoteIpAddress))
        {
            var retryAfter = (int)Math.Ceiling(anonymousSessions.RetryAfter.TotalSeconds);
            http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await TransportErrors.WriteAsync(http.Response, StatusCodes.Status429TooManyRequests, Grains.Abstractions.Tasks.TaskErrorCodes.RateLimited, $"Too Many Requests: at most {Options.AnonymousSessionsPerMinute} anonymous sessions per minute from one address; retry in {retryAfter} s.");
            return;
        }

        var message = parsed.Messages[0];
        McpReply reply;
        string? sessionId;
        try
        {
            (reply, sessionId) = await initialize.HandleAsync(message, requester, http);
        }
        catch (Exception ex) when (ClusterFailures.IsStoreUnavailable(ex))
        {
            LogStoreUnavailable(logger, McpMethods.Initialize, ex.Message);
            (reply, sessionId) = (new UnavailableReply(StoreUnavailableMessage), null);
        }
        catch (Exception ex) when (ClusterFailures.IsClusterFailure(ex))
        {
            LogClusterFailure(logger, McpMethods.Initialize, ex);
            (reply, sessionId) = (ClusterError(ex), null);
        }

        if (sessionId is not null)
        {
            http.Response.Headers[McpHttpHeaders.SessionId] = sessionId;
        }

        if (reply is UnavailableReply unavailable)
        {
            await WriteUnavailableAsync(http, message.Id, unavailable.Message);
            return;
        }

        await WriteJsonAsync(http, message.Id!.Value, reply);
    }

    private async Task<McpReply> DispatchAsync(HttpContext http, McpSession session, JsonRpcMessage message)
    {
        try
        {
            return await dispatcher.DispatchAsync(new McpCall(message, session, http), http.RequestAborted);
        }
        catch (Exception ex) when (ClusterFailures.IsStoreUnavailable(ex))
        {
            LogStoreUnavailable(logger, message.Method ?? "?", ex.Message);
            return new UnavailableReply(StoreUnavailableMessage);
        }
        catch (Exception ex) when (ClusterFailures.IsClusterFailure(ex))
        {
            LogClusterFailure(logger, message.Method ?? "?", ex);
            return ClusterError(ex);
        }
    }

    private async Task HandleBatchAsync(HttpContext http, McpSession session, IReadOnlyList<JsonRpcMessage> messages)
    {
        var replies = new List<(JsonRpcMessage Message, McpReply Reply)>();
        foreach (var message in messages)
        {
            switch (message.Kind)
            {
                case JsonRpcMessageKind.Request:
                    replies.Add((message, await DispatchAsync(http, session, message)));
                    break;
                case JsonRpcMessageKind.Notification:
                    await DispatchAsync(http, session, message);
                    break;
                default:
                    try
                    {
                        await clientMessages.AnswerAsync(message, session, http);
                    }
                    catch (Exception ex) when (ClusterFailures.IsRetryable(ex))
                    {
                        // A batch answers its requests; an answer that did not reach its task is asked for again.
                        LogStoreOrCluster(ex, "response");
                    }

                    break;
            }
        }

        if (replies.Count == 0)
        {
            http.Response.StatusCode = StatusCodes.Status202Accepted;
            return;
        }

        if (replies.All(r => r.Reply is not StreamReply))
        {
            await WriteJsonAsync(http, JsonRpcWriter.Batch(replies.Select(r => Render(r.Message.Id!.Value, r.Reply))), StatusCodes.Status200OK);
            return;
        }

        // Some request streams: answer the whole batch on one SSE stream, request by request.
        var sse = new SseStream(http.Response, SseStreamId.New(SseStreamKind.Session, session.Id));
        await sse.StartAsync(prime: false, Options.SseRetry, 0, http.RequestAborted);
        foreach (var (message, reply) in replies)
        {
            if (reply is StreamReply stream)
            {
                await stream.Write(sse, http.RequestAborted);
            }
            else
            {
                await sse.WriteMessageAsync(Render(message.Id!.Value, reply), 0, http.RequestAborted);
            }
        }
    }

    private async Task WriteReplyAsync(HttpContext http, McpSession session, JsonRpcMessage message, McpReply reply)
    {
        if (reply is UnavailableReply unavailable)
        {
            await WriteUnavailableAsync(http, message.Id, unavailable.Message);
            return;
        }

        if (reply is not StreamReply stream)
        {
            await WriteJsonAsync(http, message.Id!.Value, reply);
            return;
        }

        var sse = new SseStream(http.Response, stream.StreamId);
        try
        {
            await sse.StartAsync(McpProtocolVersions.PrimesStreams(session.ProtocolVersion), Options.SseRetry, stream.StartCursor, http.RequestAborted);
            await RelayUntilDrainedAsync(http, sse, stream.Write);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; the grain keeps everything, and a disconnect is not a cancellation.
            LogStreamEnded(logger, stream.StreamId.Nonce, "client disconnected");
        }
        catch (Exception ex) when (ClusterFailures.IsRetryable(ex) && sse.HasStarted)
        {
            LogStoreOrCluster(ex, message.Method ?? "?");
            var error = ClusterFailures.IsStoreUnavailable(ex) ? new ErrorReply(McpErrorCodes.InternalError, StoreUnavailableMessage) : ClusterError(ex);
            await sse.WriteMessageAsync(Render(message.Id!.Value, error), stream.StartCursor, CancellationToken.None);
        }
    }

    private async Task<byte[]?> ReadBodyAsync(HttpContext http)
    {
        var limit = Options.MaxRequestBodyBytes;
        if (http.Request.ContentLength is { } length)
        {
            if (length > limit)
            {
                return null;
            }

            // The usual case: the body has a declared length (Kestrel delivers exactly that many bytes), so it is read
            // straight into its own array, without a scratch buffer and a copy per request.
            var body = new byte[length];
            await http.Request.Body.ReadExactlyAsync(body, http.RequestAborted);
            return body;
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    private static byte[] Render(JsonElement id, McpReply reply) => reply switch
    {
        ResultReply result => JsonRpcWriter.Result(id, result.Result),
        ErrorReply error => JsonRpcWriter.Error(id, error.Code, error.Message, error.Data),
        MalformedParamsReply malformed => JsonRpcWriter.Error(id, McpErrorCodes.InvalidParams, malformed.Message),
        UnavailableReply unavailable => JsonRpcWriter.Error(id, McpErrorCodes.InternalError, unavailable.Message),
        RawReply raw => raw.Json,
        _ => throw new InvalidOperationException($"{reply.GetType().Name} has no JSON form."),
    };

    /// <summary>Answers one request: 200 with its result or error, or 400 when its params were malformed (logged at Debug).</summary>
    private async Task WriteJsonAsync(HttpContext http, JsonElement id, McpReply reply)
    {
        var status = StatusCodes.Status200OK;
        if (reply is MalformedParamsReply malformed)
        {
            LogRefused(logger, http.Request.Method, StatusCodes.Status400BadRequest, malformed.Message);
            status = StatusCodes.Status400BadRequest;
        }

        await WriteJsonAsync(http, Render(id, reply), status);
    }

    private static async Task WriteJsonAsync(HttpContext http, byte[] json, int status)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = McpHttpHeaders.Json;
        await http.Response.Body.WriteAsync(json, http.RequestAborted);
    }

    private static string UnavailableMessage(Exception exception) => ClusterFailures.IsStoreUnavailable(exception)
        ? StoreUnavailableMessage
        : "Service Unavailable: the cluster could not deliver the answer; send it again in a second.";

    private void LogStoreOrCluster(Exception exception, string method)
    {
        if (ClusterFailures.IsStoreUnavailable(exception))
        {
            LogStoreUnavailable(logger, method, exception.Message);
        }
        else
        {
            LogClusterFailure(logger, method, exception);
        }
    }

    private static ErrorReply ClusterError(Exception exception) => new(
        McpErrorCodes.InternalError,
        exception is TimeoutException
            ? "Internal error: the cluster did not answer in time; retry the request."
            : "Internal error: the cluster could not handle the request; retry it.");
}
