namespace TaskActors.Gateway.JsonRpc;

/// <summary>A parsed POST body: one message or a batch, or why it could not be parsed.</summary>
/// <param name="Messages">The messages (one unless <paramref name="IsBatch"/>).</param>
/// <param name="IsBatch">Whether the body was a JSON array.</param>
/// <param name="ErrorCode">Parse error or invalid request, when the body is unusable.</param>
/// <param name="ErrorMessage">What is wrong, safe to show.</param>
internal sealed record JsonRpcParseResult(IReadOnlyList<JsonRpcMessage> Messages, bool IsBatch, int? ErrorCode, string? ErrorMessage)
{
    public bool IsValid => ErrorCode is null;
}
