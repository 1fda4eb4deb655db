namespace TaskActors.Gateway.Http;

/// <summary>What an SSE stream relays, which decides how a <c>Last-Event-ID</c> resumes it.</summary>
internal enum SseStreamKind
{
    /// <summary>The POST stream of a plain tools/call (its grain's messages and response).</summary>
    Call = 'c',

    /// <summary>The POST stream of tasks/result (the task's messages and final response).</summary>
    TaskResult = 'r',

    /// <summary>The session's standalone GET stream.</summary>
    Session = 's',
}
