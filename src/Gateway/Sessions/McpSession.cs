using TaskActors.Gateway.Auth;
using TaskActors.Grains.Abstractions.Sessions;
using TaskActors.Grains.Abstractions.Tasks;

namespace TaskActors.Gateway.Sessions;

/// <summary>The session a request belongs to, as its grain recorded it, and who sent the request.</summary>
/// <param name="Record">The session record.</param>
/// <param name="Requester">The requester (its principal matches the session's).</param>
internal sealed record McpSession(SessionRecord Record, Requester Requester)
{
    public string Id => Record.SessionId;

    public string ProtocolVersion => Record.ProtocolVersion;

    public TaskRequester TaskRequester => new(Requester.Scope, Id);

    /// <summary>Whose tasks this session lists and is limited with.</summary>
    public string RequestorKey => TaskScopes.RequestorKey(Requester.Scope, Id);
}
