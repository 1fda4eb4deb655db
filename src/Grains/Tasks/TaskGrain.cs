using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TaskActors.Grains.Abstractions.Tasks;
using TaskActors.Grains.Configuration;
using TaskActors.Grains.Security;
using TaskActors.Servers.Execution;

namespace TaskActors.Grains.Tasks;

/// <summary>
/// A background task (or a plain tool call) as a virtual actor. Its state is the context snapshot, status, outcome and
/// pending input requests; the tool runs beside it on this silo and reports back through <see cref="ITaskRunGrain"/>.
/// Creating a task costs one state write, finishing it one more; reading it costs none while it is active.
/// </summary>
[GrainType("task")]
public sealed partial class TaskGrain(
    [PersistentState("task", StorageNames.Tasks)] IPersistentState<TaskGrainState> state,
    ToolRunService runs,
    IAccessTokenProtector tokenProtector,
    IOptions<TaskEngineOptions> options,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory) : Grain, ITaskGrain, ITaskRunGrain, IRemindable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<TaskGrain>();
    private readonly ILogger _audit = loggerFactory.CreateLogger(AuditLog.Category);
    private const string RedriveReminder = "redrive";
    private static readonly TimeSpan HandOverDelay = TimeSpan.FromSeconds(1);
    private readonly TaskEngineOptions _options = options.Value;
    private bool _started;
    private bool _durable;
    private AccessTokenSnapshot? _token;
    private ToolRun? _run;
    private IGrainTimer? _keepAlive;
    private IGrainTimer? _redriveTimer;
    private bool _redriveRegistered;

    private TaskGrainState Record => state.State;

    private string Key => this.GetPrimaryKeyString();

    private DateTimeOffset Now => timeProvider.GetUtcNow();

    /// <inheritdoc />
    public async Task<TaskStartResult> StartAsync(TaskStartRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (scope, taskId) = TaskKey.Parse(Key);
        if (request.Context.Scope != scope || request.Context.TaskId != taskId)
        {
            throw new ArgumentException($"Task grain {Key} cannot start a task for scope '{request.Context.Scope}' and id '{request.Context.TaskId}'.", nameof(request));
        }

        if (_started && (_durable || !Record.Status.IsTerminal()))
        {
            return new TaskStartResult { View = View(), Created = false };
        }

        // A plain call's key is reused when a client reuses a request id; its previous call is over by now.
        state.State = new TaskGrainState
        {
            Context = request.Context with { AccessToken = null },
            ProtectedAccessToken = request.Context.AccessToken is { } token ? tokenProtector.Protect(token) : null,
            Status = ToolTaskStatus.Working,
            CreatedAt = Now,
            LastUpdatedAt = Now,
            Ttl = request.Ttl,
            PollInterval = request.PollInterval,
            Attempt = 1,
            ListPartition = request.ListPartition,
        };
        _token = request.Context.AccessToken;
        _durable = request.Durable;
        _started = true;
        ResetMessages();
        if (_durable)
        {
            await WriteStateAsync(cancellationToken);
            LogCreated(_audit, taskId, scope, request.Context.ExposedTool);
        }

        StartRun();
        return new TaskStartResult { View = View(), Created = true };
    }

    /// <inheritdoc />
    public Task<TaskView?> GetAsync(TaskRequester requester, CancellationToken cancellationToken = default) =>
        Task.FromResult(IsVisibleTo(requester) ? View() : null);

    /// <inheritdoc />
    public async Task<TaskCancelResult> CancelAsync(TaskRequester requester, string? reason, CancellationToken cancellationToken = default)
    {
        if (!IsVisibleTo(requester))
        {
            return new TaskCancelResult(TaskCancelStatus.NotFound, null);
        }

        if (Record.Status.IsTerminal())
        {
            return new TaskCancelResult(TaskCancelStatus.AlreadyTerminal, View());
        }

        var message = string.IsNullOrWhiteSpace(reason) ? "The task was cancelled by request." : reason;
        Record.Outcome = new TaskOutcome { Error = new TaskError { Code = TaskErrorCodes.Cancelled, Message = $"Task {Record.Context!.TaskId} was cancelled." }, Summary = message };
        var abandoned = Record.PendingInputs.ToList();
        Record.PendingInputs.Clear();
        SetStatus(ToolTaskStatus.Cancelled, message);
        await PersistAsync(cancellationToken);

        // Stored as cancelled before the answer; now stop the run (its late outcome will be ignored).
        _run?.Cancel();
        EndRun();
        foreach (var input in abandoned)
        {
            Route(new TaskMessage { Sequence = 0, Kind = TaskMessageKind.Notification, Method = TaskMessageMethods.Cancelled, Params = CancelledParams(input.RequestId, message) });
        }

        OnStatusChanged();
        await FinishAdmissionAsync();
        LogCancelled(_audit, Record.Context.TaskId, Record.Context.Scope);
        return new TaskCancelResult(TaskCancelStatus.Cancelled, View());
    }

    /// <inheritdoc />
    public async Task<bool> AnswerAsync(TaskRequester requester, TaskInputAnswer answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (!IsVisibleTo(requester) || Record.PendingInputs.Find(p => p.RequestId == answer.RequestId) is not { } pending)
        {
            return false;
        }

        Record.PendingInputs.Remove(pending);
        _answers[answer.RequestId] = answer;
        if (Record.Status == ToolTaskStatus.InputRequired && Record.PendingInputs.Count == 0)
        {
            SetStatus(ToolTaskStatus.Working, null);
            await PersistAsync(cancellationToken);
            OnStatusChanged();
        }

        Signal();
        return true;
    }

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!_started || Record.Status.IsTerminal() || IsExpired())
        {
            if (await this.GetReminder(reminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            _redriveRegistered = false;
            return;
        }

        if (_run is null)
        {
            await RedriveAsync(CancellationToken.None);
        }
    }

    private bool IsVisibleTo(TaskRequester requester) =>
        _started && Record.Context is { } context && requester.Scope == context.Scope && !IsExpired();

    private bool IsExpired() => _durable && Record.Ttl is { } ttl && Now >= Record.CreatedAt + ttl;

    private TaskView View() => new()
    {
        TaskId = Record.Context!.TaskId,
        Status = Record.Status,
        StatusMessage = Record.StatusMessage,
        CreatedAt = Record.CreatedAt,
        LastUpdatedAt = Record.LastUpdatedAt,
        Ttl = Record.Ttl,
        PollInterval = Record.PollInterval,
    };

    private void SetStatus(ToolTaskStatus status, string? message)
    {
        Record.Status = status;
        Record.StatusMessage = message;
        Record.LastUpdatedAt = Now;
    }

    private async Task PersistAsync(CancellationToken cancellationToken)
    {
        if (_durable)
        {
            await WriteStateAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Writes the state. When the write fails (the store is unreachable, or did not answer in time) this activation
    /// holds state the store may not have, and it must not answer from it (a creation retried with the same task id would
    /// be acknowledged unstored): it deactivates, and the next call loads what is stored (a task stored as running is
    /// re-driven). An ETag conflict deactivates it already.
    /// </summary>
    private async Task WriteStateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not Orleans.Storage.InconsistentStateException)
        {
            DeactivateOnIdle();
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: task {TaskId} created in scope {Scope} for tool {Tool}")]
    private static partial void LogCreated(ILogger logger, string taskId, string scope, string tool);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: task {TaskId} in scope {Scope} cancelled")]
    private static partial void LogCancelled(ILogger logger, string taskId, string scope);
}
