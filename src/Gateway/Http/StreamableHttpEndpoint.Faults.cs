using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TaskActors.Gateway.Protocol;

namespace TaskActors.Gateway.Http;

/// <summary>The last resort: a fault of the server's own still answers with a JSON-RPC error.</summary>
internal sealed partial class StreamableHttpEndpoint
{
    /// <summary>
    /// Wraps a handler so that an exception nothing else expected answers HTTP 500 with a JSON-RPC error (-32603), logged
    /// once at Error; client mistakes never get here (they are 4xx values). A fault after an SSE stream has started can
    /// only end the stream: the connection is aborted, so the client sees a broken stream and resumes it. While the
    /// gateway drains, every request is refused here, in one place, with 503.
    /// </summary>
    public RequestDelegate Guard(RequestDelegate handler) => async http =>
    {
        try
        {
            if (await RefuseWhileDrainingAsync(http))
            {
                return;
            }

            await handler(http);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            LogAbandoned(logger, http.Request.Method);
        }
        catch (Exception ex)
        {
            LogUnexpected(logger, http.Request.Method, ex);
            if (http.Response.HasStarted)
            {
                http.Abort();
                return;
            }

            http.Response.Clear();
            await TransportErrors.WriteAsync(http.Response, StatusCodes.Status500InternalServerError, McpErrorCodes.InternalError, "Internal error: the server failed to handle the request.");
        }
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "The MCP endpoint failed unexpectedly handling a {HttpMethod}; answered 500")]
    private static partial void LogUnexpected(ILogger logger, string httpMethod, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The client left during a {HttpMethod}")]
    private static partial void LogAbandoned(ILogger logger, string httpMethod);
}
