namespace TaskActors.Grains.Abstractions.Tasks;

/// <summary>
/// Authorization scopes, as FastMCP's <c>get_task_scope</c> defines them: <c>client_id|sub</c> when the token has a
/// subject, else <c>client_id</c>; anonymous callers share <see cref="Anonymous"/>, where unguessable task ids are the
/// only protection and listings show a caller only its own session's tasks.
/// </summary>
public static class TaskScopes
{
    /// <summary>The scope of every anonymous caller.</summary>
    public const string Anonymous = "anon";

    /// <summary>The scope of a token.</summary>
    public static string ForToken(string clientId, string? subject)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        return string.IsNullOrEmpty(subject) ? clientId : $"{clientId}|{subject}";
    }

    /// <summary>
    /// Whose tasks a listing and the per-requestor limits cover: the scope for authenticated callers, the scope plus
    /// the session for anonymous ones (who share one scope).
    /// </summary>
    public static string RequestorKey(string scope, string? sessionId) =>
        scope == Anonymous ? $"{Anonymous}|{sessionId ?? "none"}" : scope;
}
