using Orleans.Concurrency;

namespace TaskActors.Grains.Abstractions.Sessions;

/// <summary>
/// One MCP session (the session registry is the set of these grains): its negotiated state, the principal it is bound
/// to, and the outbox of its standalone stream, through which a task on any silo reaches the client.
/// </summary>
[Alias("session")]
public interface ISessionGrain : IGrainWithStringKey
{
    /// <summary>Creates the session; false when the id is taken.</summary>
    [Alias("session.initialize")]
    Task<bool> InitializeAsync(SessionInit init, CancellationToken cancellationToken = default);

    /// <summary>Returns the session, or null when it does not exist or was terminated.</summary>
    [Alias("session.get")]
    [AlwaysInterleave]
    Task<SessionRecord?> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Records notifications/initialized.</summary>
    [Alias("session.initialized")]
    Task MarkInitializedAsync(CancellationToken cancellationToken = default);

    /// <summary>Sets the minimum level of log notifications.</summary>
    [Alias("session.set-log-level")]
    Task SetLogLevelAsync(string level, CancellationToken cancellationToken = default);

    /// <summary>Adds or removes a resource subscription.</summary>
    [Alias("session.subscribe")]
    Task SetSubscriptionAsync(string uri, bool subscribed, CancellationToken cancellationToken = default);

    /// <summary>Ends the session; false when it was not active.</summary>
    [Alias("session.terminate")]
    Task<bool> TerminateAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Queues a message for the standalone stream; returns false (dropping it) when no stream has polled recently,
    /// so the sender can keep what must not be lost. An input request is also kept until it is answered or cancelled,
    /// and a stream that attaches later gets it.
    /// </summary>
    [Alias("session.post")]
    [AlwaysInterleave]
    Task<bool> PostAsync(SessionMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Long-polls the standalone stream's outbox after a cursor, for the stream <paramref name="streamId"/>. Only one
    /// stream at a time owns the outbox (a message goes to one stream only); another stream's poll is refused while the
    /// owner keeps polling.
    /// </summary>
    [Alias("session.poll")]
    [AlwaysInterleave]
    Task<SessionPollResult> PollAsync(string streamId, long afterSequence, TimeSpan maxWait, CancellationToken cancellationToken = default);

    /// <summary>Forgets an input request the client has answered, so later streams are not sent it again.</summary>
    [Alias("session.forget-request")]
    [AlwaysInterleave]
    Task ForgetRequestAsync(string requestId, CancellationToken cancellationToken = default);

    /// <summary>Releases the standalone stream's ownership (its connection closed).</summary>
    [Alias("session.release-stream")]
    [AlwaysInterleave]
    Task ReleaseStreamAsync(string streamId, CancellationToken cancellationToken = default);
}
