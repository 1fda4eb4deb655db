using Microsoft.AspNetCore.Http;
using TaskActors.Gateway.JsonRpc;
using TaskActors.Gateway.Protocol;

namespace TaskActors.Gateway.Http;

/// <summary>Transport-level refusals: an HTTP status with a JSON-RPC error that has no id.</summary>
internal static class TransportErrors
{
    public static async Task WriteAsync(HttpResponse response, int status, int code, string message)
    {
        if (response.HasStarted)
        {
            return;
        }

        response.StatusCode = status;
        response.ContentType = McpHttpHeaders.Json;
        await response.Body.WriteAsync(JsonRpcWriter.Error(null, code, message)).ConfigureAwait(false);
    }
}
