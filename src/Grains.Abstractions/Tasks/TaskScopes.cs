namespace TaskActors.Grains.Abstractions.Tasks;

/// <summary>
/// Authorization scopes, as FastMCP's <c>get_task_scope</c> defines them: <c>client_id|sub</c> when the token has a
/// subject, else <c>client_id</c>; anonymous callers share <see cref="Anonymous"/>, where unguessable task ids are the
/// only protection and listings show a caller only its own session's tasks.
/// </summary>
/// <remarks>
/// Both parts are escaped so that no two tokens share a scope and no token gets the anonymous one: <c>%</c> becomes
/// <c>%25</c> and <c>|</c> becomes <c>%7C</c>, and a client id whose escaped form is exactly <c>anon</c> is written
/// <c>%61non</c>. Ordinary ids are unchanged.
/// </remarks>
public static class TaskScopes
{
    /// <summary>The scope of every anonymous caller.</summary>
    public const string Anonymous = "anon";

    /// <summary>The scope of a token.</summary>
    public static string ForToken(string clientId, string? subject)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        var client = Escape(clientId);
        if (client == Anonymous)
        {
            client = "%61non";
        }

        return string.IsNullOrEmpty(subject) ? client : $"{client}|{Escape(subject)}";
    }

    /// <summary>
    /// Whose tasks a listing and the per-requestor limits cover: the scope for authenticated callers, the scope plus
    /// the session for anonymous ones (who share one scope).
    /// </summary>
    public static string RequestorKey(string scope, string? sessionId) =>
        scope == Anonymous ? $"{Anonymous}|{sessionId ?? "none"}" : scope;

    private static string Escape(string part) =>
        part.Replace("%", "%25", StringComparison.Ordinal).Replace("|", "%7C", StringComparison.Ordinal);
}
