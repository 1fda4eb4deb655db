using System.Text.Json.Nodes;
using TaskActors.Gateway.Http;

namespace TaskActors.Gateway.Handlers;

/// <summary>How a request is answered: a JSON result, a JSON-RPC error, or an SSE stream that ends with the response.</summary>
internal abstract record McpReply;

/// <summary>A result, sent as <c>application/json</c>.</summary>
internal sealed record ResultReply(JsonNode Result) : McpReply;

/// <summary>A JSON-RPC error, sent as <c>application/json</c>.</summary>
internal sealed record ErrorReply(int Code, string Message, JsonNode? Data = null) : McpReply;

/// <summary>
/// A JSON-RPC error (-32602) sent with HTTP 400: the params do not have the types the method's schema gives them, so the
/// request is malformed (<see cref="ParamsCheck"/>). A request that is well-formed but names something unknown gets an
/// <see cref="ErrorReply"/> instead. Inside a batch it is an ordinary error of the batch.
/// </summary>
/// <param name="Message">What is wrong, naming the parameter.</param>
internal sealed record MalformedParamsReply(string Message) : McpReply;

/// <summary>
/// A JSON-RPC error (-32603) sent with HTTP 503 and <c>Retry-After</c>: the request could not be served because the task
/// store did not answer, and may succeed when sent again. Inside a batch it is an ordinary error of the batch.
/// </summary>
internal sealed record UnavailableReply(string Message) : McpReply;

/// <summary>An SSE stream: the writer relays messages and finally the response.</summary>
internal sealed record StreamReply(SseStreamId StreamId, long StartCursor, Func<SseStream, CancellationToken, Task> Write) : McpReply;

/// <summary>Nothing to answer (a notification or a client's response was accepted: 202).</summary>
internal sealed record AcceptedReply : McpReply
{
    public static readonly AcceptedReply Instance = new();
}

/// <summary>An already-written JSON-RPC message (a replayed response), sent as <c>application/json</c>.</summary>
internal sealed record RawReply(byte[] Json) : McpReply;
