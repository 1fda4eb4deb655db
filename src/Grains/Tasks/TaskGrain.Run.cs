using Microsoft.Extensions.Logging;
using TaskActors.Grains.Abstractions.Tasks;

namespace TaskActors.Grains.Tasks;

/// <summary>The run side of a task grain: starting, re-driving and finishing runs, and the calls a run makes.</summary>
public sealed partial class TaskGrain
{
    private static readonly TimeSpan KeepAlivePeriod = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    public Task NotifyAsync(int attempt, TaskNotification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (IsCurrentRun(attempt))
        {
            Route(new TaskMessage { Sequence = 0, Kind = TaskMessageKind.Notification, Method = notification.Method, Params = notification.Params });
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<string> RequestInputAsync(int attempt, TaskInputRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsCurrentRun(attempt))
        {
            throw new OperationCanceledException($"Task {Key} is no longer running attempt {attempt}.");
        }

        var requestId = InputRequestIds.Format(Key, ++Record.InputCount);
        var pending = new PendingInput { RequestId = requestId, Method = request.Method, Params = request.Params, Attempt = attempt };
        Record.PendingInputs.Add(pending);
        var wasWorking = Record.Status == ToolTaskStatus.Working;
        if (wasWorking)
        {
            SetStatus(ToolTaskStatus.InputRequired, $"Waiting for the client to answer {request.Method}.");
        }

        await PersistAsync(cancellationToken);
        if (wasWorking)
        {
            OnStatusChanged();
        }

        Route(new TaskMessage { Sequence = 0, Kind = TaskMessageKind.Request, Method = pending.Method, Params = pending.Params, RequestId = requestId });
        return requestId;
    }

    /// <inheritdoc />
    public async Task<TaskInputAnswer?> AwaitAnswerAsync(int attempt, string requestId, TimeSpan maxWait, CancellationToken cancellationToken = default)
    {
        var deadline = Now + maxWait;
        while (true)
        {
            if (_answers.Remove(requestId, out var answer))
            {
                return answer;
            }

            if (!IsCurrentRun(attempt))
            {
                throw new OperationCanceledException($"Task {Key} is no longer running attempt {attempt}.");
            }

            var remaining = deadline - Now;
            if (remaining <= TimeSpan.Zero || !await WaitForChangeAsync(remaining, cancellationToken))
            {
                return null;
            }
        }
    }

    /// <inheritdoc />
    public async Task<bool> CompleteAsync(int attempt, TaskOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (!IsCurrentRun(attempt))
        {
            // A cancelled task stays cancelled; a stale attempt's outcome is not the task's.
            return false;
        }

        Record.Outcome = outcome;
        Record.PendingInputs.Clear();
        SetStatus(outcome.Status, outcome.Summary ?? (outcome.Status == ToolTaskStatus.Completed ? null : "The tool reported an error."));
        await PersistAsync(cancellationToken);
        EndRun();
        OnStatusChanged();
        if (_durable)
        {
            var status = Record.Status.ToWireString();
            LogFinished(_audit, Record.Context!.TaskId, Record.Context.Scope, status);
            await FinishAdmissionAsync();
        }

        return true;
    }

    private bool IsCurrentRun(int attempt) => _started && attempt == Record.Attempt && !Record.Status.IsTerminal();

    /// <summary>
    /// Message numbers continue across activations: attempt n numbers its messages from n × 2^32, so a stream resuming
    /// with a cursor from an activation lost with its silo still gets every message of the re-driven run.
    /// </summary>
    private static long FirstSequenceOf(int attempt) => (long)attempt << 32;

    private void StartRun()
    {
        _lastSequence = Math.Max(_lastSequence, FirstSequenceOf(Record.Attempt));
        var context = Record.Context! with { AccessToken = _token };
        _run = runs.Start(Key, context, Record.Attempt, _durable);
        ScheduleExpiry();
        _keepAlive ??= this.RegisterGrainTimer(_ => Task.CompletedTask, new GrainTimerCreationOptions { DueTime = KeepAlivePeriod, Period = KeepAlivePeriod, KeepAlive = true, Interleave = true });
        if (_durable && !_redriveRegistered)
        {
            _redriveTimer ??= this.RegisterGrainTimer(RegisterRedriveAsync, new GrainTimerCreationOptions { DueTime = _options.RedriveAfter, Period = Timeout.InfiniteTimeSpan, Interleave = true });
        }
    }

    /// <summary>Starts the run again after the previous one was lost with its silo, or fails the task when it has been lost too often.</summary>
    private async Task RedriveAsync(CancellationToken cancellationToken)
    {
        var lost = Record.HandedOver ? Record.LostRuns : Record.LostRuns + 1;
        Record.HandedOver = false;
        if (lost >= _options.MaxAttempts)
        {
            Record.LostRuns = lost;
            Record.Outcome = new TaskOutcome
            {
                Error = new TaskError { Code = TaskErrorCodes.WorkerLost, Message = $"The task's run was lost {lost} times and is not retried again." },
                Summary = "The task's run was lost with its silo too many times.",
            };
            Record.PendingInputs.Clear();
            SetStatus(ToolTaskStatus.Failed, Record.Outcome.Summary);
            await PersistAsync(cancellationToken);
            OnStatusChanged();
            await FinishAdmissionAsync();
            return;
        }

        Record.LostRuns = lost;
        Record.Attempt++;
        Record.PendingInputs.Clear();
        if (Record.Status == ToolTaskStatus.InputRequired)
        {
            SetStatus(ToolTaskStatus.Working, null);
        }

        await PersistAsync(cancellationToken);
        LogRedriven(_logger, Record.Context!.TaskId, Record.Attempt);
        StartRun();
    }

    private void EndRun()
    {
        _run = null;
        _keepAlive?.Dispose();
        _keepAlive = null;
        _redriveTimer?.Dispose();
        _redriveTimer = null;
        if (_redriveRegistered)
        {
            _redriveRegistered = false;
            _ = UnregisterRedriveAsync();
        }
    }

    private async Task RegisterRedriveAsync(CancellationToken cancellationToken)
    {
        // The timer fires once; it is disposed after the registration, since disposing it cancels this callback's token.
        if (_run is not null && !_redriveRegistered)
        {
            await this.RegisterOrUpdateReminder(RedriveReminder, _options.RedrivePeriod, _options.RedrivePeriod, cancellationToken);
            _redriveRegistered = true;
        }

        _redriveTimer?.Dispose();
        _redriveTimer = null;
    }

    private async Task UnregisterRedriveAsync()
    {
        try
        {
            if (await this.GetReminder(RedriveReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        catch (Exception ex)
        {
            // A leftover reminder finds the task terminal on its next tick and removes itself.
            LogReminderCleanupFailed(_logger, Key, ex);
        }
    }

    /// <summary>Tells the requestor's scope that the task finished: it stops running, and keeps its arguments and result.</summary>
    private Task FinishAdmissionAsync() =>
        TellScopeAsync(scope => scope.FinishAsync(Record.Context!.TaskId, TaskFootprint.Bytes(Record.Context, Record.Outcome)));

    /// <summary>Tells the requestor's scope that the task is gone (its ttl ended).</summary>
    private Task ReleaseAdmissionAsync() => TellScopeAsync(scope => scope.ReleaseAsync(Record.Context!.TaskId));

    private async Task TellScopeAsync(Func<ITaskScopeGrain, Task> tell)
    {
        if (Record.ListPartition is not { } partition)
        {
            return;
        }

        try
        {
            await tell(GrainFactory.GetGrain<ITaskScopeGrain>(partition));
        }
        catch (Exception ex)
        {
            // The scope rebuilds its counts from storage when it next activates.
            LogReleaseFailed(_logger, Key, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: task {TaskId} in scope {Scope} finished {Status}")]
    private static partial void LogFinished(ILogger logger, string taskId, string scope, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId} lost its run with its silo; starting attempt {Attempt}")]
    private static partial void LogRedriven(ILogger logger, string taskId, int attempt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Removing the re-drive reminder of task grain {TaskKey} failed")]
    private static partial void LogReminderCleanupFailed(ILogger logger, string taskKey, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Telling the scope of task grain {TaskKey} how it ended failed")]
    private static partial void LogReleaseFailed(ILogger logger, string taskKey, Exception exception);
}
