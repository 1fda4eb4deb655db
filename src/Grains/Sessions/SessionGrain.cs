using System.Text.Json;
using Microsoft.Extensions.Options;
using TaskActors.Grains.Abstractions.Sessions;
using TaskActors.Grains.Abstractions.Tasks;
using TaskActors.Grains.Configuration;

namespace TaskActors.Grains.Sessions;

/// <summary>
/// One MCP session: the stored record any gateway replica serves it from, and the in-memory outbox of its standalone
/// (GET) stream. Messages for the stream are dropped when no stream has polled recently: notifications may be lost by
/// design (clients poll task status). Input requests are kept by their tasks, and here until answered or cancelled, so
/// a GET stream that attaches later (without Last-Event-ID) is sent the unanswered ones.
/// </summary>
[GrainType("session")]
public sealed class SessionGrain(
    [PersistentState("session", StorageNames.Sessions)] IPersistentState<SessionGrainState> state,
    IOptions<TaskEngineOptions> options,
    TimeProvider timeProvider) : Grain, ISessionGrain
{
    private string Key => this.GetPrimaryKeyString();

    private const int OutboxSize = 1000;
    private const int PendingRequestLimit = 100;
    private static readonly TimeSpan StreamGrace = TimeSpan.FromSeconds(5);
    private readonly List<SessionMessage> _outbox = [];
    private readonly List<SessionMessage> _pendingRequests = [];
    private TaskCompletionSource _posted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastSequence;
    private DateTimeOffset _streamAttachedUntil;
    private string? _streamOwner;
    private long _streamFloor;

    private DateTimeOffset Now => timeProvider.GetUtcNow();

    private bool IsActive => state.State.Record is not null && !state.State.Terminated;

    /// <inheritdoc />
    public async Task<bool> InitializeAsync(SessionInit init, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(init);
        if (state.State.Record is not null)
        {
            return false;
        }

        state.State.Record = new SessionRecord
        {
            SessionId = Key,
            ProtocolVersion = init.ProtocolVersion,
            ClientInfo = init.ClientInfo,
            ClientCapabilities = init.ClientCapabilities,
            Principal = init.Principal,
            CreatedAt = Now,
        };
        await WriteAsync(cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public Task<SessionRecord?> GetAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(IsActive ? state.State.Record : null);

    /// <inheritdoc />
    public Task MarkInitializedAsync(CancellationToken cancellationToken = default) =>
        UpdateAsync(r => r.Initialized ? r : r with { Initialized = true }, cancellationToken);

    /// <inheritdoc />
    public Task SetLogLevelAsync(string level, CancellationToken cancellationToken = default) =>
        UpdateAsync(r => r with { LogLevel = level }, cancellationToken);

    /// <inheritdoc />
    public Task SetSubscriptionAsync(string uri, bool subscribed, CancellationToken cancellationToken = default) =>
        UpdateAsync(
            r => subscribed
                ? r.Subscriptions.Contains(uri) ? r : r with { Subscriptions = [.. r.Subscriptions, uri] }
                : r with { Subscriptions = [.. r.Subscriptions.Where(s => s != uri)] },
            cancellationToken);

    /// <inheritdoc />
    public async Task<bool> TerminateAsync(CancellationToken cancellationToken = default)
    {
        if (!IsActive)
        {
            return false;
        }

        state.State.Terminated = true;
        await WriteAsync(cancellationToken);
        _outbox.Clear();
        Signal();
        return true;
    }

    /// <inheritdoc />
    public Task<bool> PostAsync(SessionMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!IsActive)
        {
            return Task.FromResult(false);
        }

        TrackRequest(message);
        if (Now >= _streamAttachedUntil)
        {
            return Task.FromResult(false);
        }

        Enqueue(message);
        Signal();
        return Task.FromResult(true);
    }

    /// <inheritdoc />
    public Task ForgetRequestAsync(string requestId, CancellationToken cancellationToken = default)
    {
        _pendingRequests.RemoveAll(r => r.RequestId == requestId);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<SessionPollResult> PollAsync(string streamId, long afterSequence, TimeSpan maxWait, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        var deadline = Now + maxWait;
        while (true)
        {
            if (!IsActive)
            {
                return new SessionPollResult(false, [], afterSequence);
            }

            if (_streamOwner is not null && _streamOwner != streamId && Now < _streamAttachedUntil)
            {
                return new SessionPollResult(true, [], afterSequence, Conflict: true);
            }

            if (_streamOwner != streamId)
            {
                Claim(streamId, afterSequence);
            }

            _streamAttachedUntil = deadline + StreamGrace;
            var after = Math.Max(afterSequence, _streamFloor);
            var messages = _outbox.Where(m => m.Sequence > after).ToList();
            if (messages.Count > 0 || Now >= deadline)
            {
                return new SessionPollResult(true, messages, messages.Count > 0 ? messages[^1].Sequence : afterSequence);
            }

            try
            {
                await _posted.Task.WaitAsync(deadline - Now, timeProvider, cancellationToken);
            }
            catch (TimeoutException)
            {
                return new SessionPollResult(true, [], afterSequence);
            }
        }
    }

    /// <inheritdoc />
    public Task ReleaseStreamAsync(string streamId, CancellationToken cancellationToken = default)
    {
        if (_streamOwner == streamId)
        {
            _streamOwner = null;
            _streamAttachedUntil = default;
        }

        return Task.CompletedTask;
    }

    /// <summary>Keeps an input request until it is answered or cancelled; forgets one that a cancellation voids.</summary>
    private void TrackRequest(SessionMessage message)
    {
        if (message.Kind == TaskMessageKind.Request && message.RequestId is { } requestId)
        {
            _pendingRequests.RemoveAll(r => r.RequestId == requestId);
            _pendingRequests.Add(message);
            if (_pendingRequests.Count > PendingRequestLimit)
            {
                _pendingRequests.RemoveAt(0);
            }
        }
        else if (message.Method == TaskMessageMethods.Cancelled
            && message.Params is { ValueKind: JsonValueKind.Object } parameters
            && parameters.TryGetProperty("requestId", out var cancelled)
            && cancelled.ValueKind == JsonValueKind.String)
        {
            _pendingRequests.RemoveAll(r => r.RequestId == cancelled.GetString());
        }
    }

    /// <summary>
    /// A new stream takes the outbox over. One resuming with Last-Event-ID continues after its cursor. A fresh one starts
    /// after everything sent so far (those messages went to an earlier stream) and is sent the unanswered input
    /// requests again, renumbered, so each request is pending on exactly one live stream.
    /// </summary>
    private void Claim(string streamId, long afterSequence)
    {
        _streamOwner = streamId;
        _streamFloor = afterSequence == 0 ? _lastSequence : 0;
        if (afterSequence != 0)
        {
            return;
        }

        foreach (var request in _pendingRequests)
        {
            _outbox.RemoveAll(m => m.RequestId == request.RequestId);
            Enqueue(request);
        }
    }

    private void Enqueue(SessionMessage message)
    {
        _outbox.Add(message with { Sequence = ++_lastSequence });
        if (_outbox.Count > OutboxSize)
        {
            _outbox.RemoveRange(0, _outbox.Count - OutboxSize);
        }
    }

    private async Task UpdateAsync(Func<SessionRecord, SessionRecord> change, CancellationToken cancellationToken)
    {
        if (!IsActive)
        {
            throw new InvalidOperationException($"Session {Key} does not exist or was terminated.");
        }

        var updated = change(state.State.Record!);
        if (updated == state.State.Record)
        {
            return;
        }

        state.State.Record = updated;
        await WriteAsync(cancellationToken);
    }

    private Task WriteAsync(CancellationToken cancellationToken)
    {
        state.State.ExpiresAt = Now + options.Value.SessionIdleTimeout;
        return state.WriteStateAsync(cancellationToken);
    }

    private void Signal()
    {
        var posted = _posted;
        _posted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        posted.TrySetResult();
    }
}
