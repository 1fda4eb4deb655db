using System.Text.Json;
using Microsoft.Extensions.Logging;
using TaskActors.Grains.Abstractions.Sessions;
using TaskActors.Grains.Abstractions.Tasks;

namespace TaskActors.Grains.Tasks;

/// <summary>
/// How a task grain's messages reach the client. While a stream polls the task (tasks/result, or the POST stream of a
/// plain call) messages queue here for it; otherwise they go to the session's standalone stream, which drops
/// notifications when nobody listens. Input requests also stay in task state until answered, and every stream that
/// starts taking inputs gets the unanswered ones, so a request is never lost with a stream.
/// </summary>
public sealed partial class TaskGrain
{
    /// <summary>How long a polling stream stays attached after its poll's wait ends, covering the gap until its next poll.</summary>
    private static readonly TimeSpan AttachGrace = TimeSpan.FromSeconds(5);

    /// <summary>How long a finished plain call stays active so a resumed stream can still fetch its outcome.</summary>
    private static readonly TimeSpan PlainCallRetention = TimeSpan.FromSeconds(30);

    private readonly List<TaskMessage> _messages = [];
    private readonly Dictionary<string, TaskInputAnswer> _answers = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastSequence;
    private DateTimeOffset _attachedUntil;
    private IGrainTimer? _retention;

    /// <inheritdoc />
    public async Task<TaskPollResult> PollAsync(TaskPollRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsVisibleTo(request.Requester))
        {
            return TaskPollResult.NotFound;
        }

        var deadline = Now + request.MaxWait;
        var messages = new List<TaskMessage>();
        var floor = request.AfterSequence;
        if (request.TakeInputs)
        {
            Attach(deadline);

            // A new stream, or one that followed an earlier attempt (lost with its silo, or handed over by a stopping
            // one): the current attempt's requests may have gone to the session before this stream attached.
            if (request.AfterSequence < FirstSequenceOf(Record.Attempt))
            {
                floor = ReplayPendingInputs(messages);
            }
        }

        while (true)
        {
            messages.AddRange(_messages.Where(m => m.Sequence > request.AfterSequence));
            var terminal = Record.Status.IsTerminal();
            if (messages.Count > 0 || terminal || Now >= deadline || !await WaitForChangeAsync(deadline - Now, cancellationToken))
            {
                if (terminal && !_durable)
                {
                    RetireAfterDelivery();
                }

                return new TaskPollResult
                {
                    Found = true,
                    View = View(),
                    Messages = messages,
                    NextSequence = Math.Max(floor, messages.Count > 0 ? messages.Max(m => m.Sequence) : 0),
                    Outcome = terminal ? Record.Outcome : null,
                };
            }

            if (request.TakeInputs)
            {
                Attach(deadline);
            }
        }
    }

    /// <summary>
    /// A stream's first poll in an attempt gets the unanswered input requests that the buffer no longer holds (they went
    /// to the session, or to a stream since gone, or to a previous activation). Returns the cursor the stream continues
    /// from: every message numbered so far, so the replayed requests are not replayed again on its next poll.
    /// </summary>
    private long ReplayPendingInputs(List<TaskMessage> messages)
    {
        if (Record.PendingInputs.Count == 0)
        {
            return 0;
        }

        var buffered = _messages.Where(m => m.Kind == TaskMessageKind.Request).Select(m => m.RequestId).ToHashSet(StringComparer.Ordinal);
        messages.AddRange(Record.PendingInputs
            .Where(p => !buffered.Contains(p.RequestId))
            .Select(p => new TaskMessage { Sequence = 0, Kind = TaskMessageKind.Request, Method = p.Method, Params = p.Params, RequestId = p.RequestId }));

        // Number 0 is "from the start": reserve a real number for the replay, so the next poll moves past it.
        if (_lastSequence == 0)
        {
            _lastSequence = 1;
        }

        return _lastSequence;
    }

    /// <summary>Numbers a message and sends it to the attached stream, or to the session, or drops it (notifications only).</summary>
    private void Route(TaskMessage message)
    {
        message = message with { Sequence = ++_lastSequence };
        if (Now < _attachedUntil)
        {
            _messages.Add(message);
            if (_messages.Count > _options.MessageBufferSize)
            {
                _messages.RemoveRange(0, _messages.Count - _options.MessageBufferSize);
            }

            Signal();
            return;
        }

        if (Record.Context?.SessionId is { } sessionId)
        {
            _ = PostToSessionAsync(sessionId, new SessionMessage
            {
                Kind = message.Kind,
                Method = message.Method,
                Params = message.Params,
                RequestId = message.RequestId,
                Task = message.Task,
                RelatedTaskId = _durable ? Record.Context.TaskId : null,
            });
        }
    }

    /// <summary>Tells the client the status changed (background tasks only; a plain call's client knows no task).</summary>
    private void OnStatusChanged()
    {
        if (_durable)
        {
            Route(new TaskMessage { Sequence = 0, Kind = TaskMessageKind.Status, Method = string.Empty, Task = View() });
        }

        Signal();
    }

    private void Attach(DateTimeOffset pollDeadline)
    {
        var until = pollDeadline + AttachGrace;
        if (until > _attachedUntil)
        {
            _attachedUntil = until;
        }
    }

    private void Signal()
    {
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }

    /// <summary>Waits until something changes; false when <paramref name="timeout"/> passes first.</summary>
    private async Task<bool> WaitForChangeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await _changed.Task.WaitAsync(timeout, timeProvider, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private void ResetMessages()
    {
        _messages.Clear();
        _answers.Clear();
        _attachedUntil = default;
        _retention?.Dispose();
        _retention = null;
    }

    private void RetireAfterDelivery() =>
        _retention ??= this.RegisterGrainTimer(
            _ =>
            {
                DeactivateOnIdle();
                return Task.CompletedTask;
            },
            new GrainTimerCreationOptions { DueTime = PlainCallRetention, Period = Timeout.InfiniteTimeSpan });

    private async Task PostToSessionAsync(string sessionId, SessionMessage message)
    {
        try
        {
            await GrainFactory.GetGrain<ISessionGrain>(sessionId).PostAsync(message);
        }
        catch (Exception ex)
        {
            // A notification may be lost; an input request stays pending in task state.
            LogSessionPostFailed(_logger, Key, sessionId, ex);
        }
    }

    private static JsonElement CancelledParams(string requestId, string reason) =>
        JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["requestId"] = requestId, ["reason"] = reason }, GrainsJsonContext.Default.DictionaryStringString);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Task grain {TaskKey} could not post to session {SessionId}")]
    private static partial void LogSessionPostFailed(ILogger logger, string taskKey, string sessionId, Exception exception);
}
