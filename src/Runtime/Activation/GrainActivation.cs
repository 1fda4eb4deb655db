using Microsoft.Extensions.Logging;
using TaskActors.Runtime.Abstractions.Core;
using TaskActors.Runtime.Abstractions.Identity;
using TaskActors.Runtime.Abstractions.Reminders;
using TaskActors.Runtime.Abstractions.Timers;
using TaskActors.Runtime.Directory;
using TaskActors.Runtime.Identity;
using TaskActors.Runtime.Metadata;
using TaskActors.Runtime.Reminders;
using TaskActors.Runtime.Timers;

namespace TaskActors.Runtime.Activation;

/// <summary>
/// One activation of a grain: its instance, its mailbox and its one-at-a-time scheduler.
/// Non-interleaving work runs one item at a time, in arrival order; interleaving work (methods marked
/// <see cref="Abstractions.Concurrency.AlwaysInterleaveAttribute"/>) starts at once. Either way every continuation runs on
/// <see cref="ActivationTaskScheduler"/>, so the grain never runs on two threads at once.
/// </summary>
internal sealed partial class GrainActivation : IGrainContext
{
    private readonly Lock _lock = new();
    private readonly Queue<ActivationWorkItem> _waiting = new();
    private readonly RunningWorkItems _running = new();
    private readonly ActivationTaskScheduler _scheduler = new();
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ActivationCatalog _catalog;
    private readonly ActivationServices _services;

    /// <summary>Starts a turn; created once per activation, so starting one allocates no closure or state tuple.</summary>
    private readonly Func<object?, Task> _runItem;

    private ActivationState _state = ActivationState.Activating;
    private int _runningExclusive;
    private DeactivationReason? _deactivationReason;
    private TaskCompletionSource? _drained;
    private Grain? _grain;
    private List<GrainTimer>? _timers;
    private GrainReminderRegistry? _reminders;
    private DateTimeOffset _lastActivity;

    public GrainActivation(GrainId grainId, GrainClassMetadata metadata, ActivationCatalog catalog, ActivationServices services)
    {
        GrainId = grainId;
        Metadata = metadata;
        _catalog = catalog;
        _services = services;
        ActivationId = ActivationId.NewId();
        Address = new GrainAddress(grainId, services.Endpoint.SiloAddress!, ActivationId);
        _lastActivity = services.TimeProvider.GetUtcNow();
        _runItem = item => RunItemAsync((ActivationWorkItem)item!);
    }

    public GrainId GrainId { get; }

    public ActivationId ActivationId { get; }

    public GrainAddress Address { get; }

    public GrainClassMetadata Metadata { get; }

    public Grain GrainInstance => _grain ?? throw new InvalidOperationException($"Activation of {GrainId} has no grain instance yet.");

    /// <summary>Completes when the activation has left the catalog.</summary>
    public Task Deactivated => _deactivated.Task;

    public ActivationState State
    {
        get
        {
            lock (_lock)
            {
                return _state;
            }
        }
    }

    public IGrainFactory GrainFactory => _services.GrainFactory;

    public IServiceProvider Services => _services.ServiceProvider;

    public TimeProvider TimeProvider => _services.TimeProvider;

    public IGrainReminderRegistry Reminders => _reminders ??= new GrainReminderRegistry(this, _services.Reminders);

    /// <summary>Whether the activation is valid, has nothing running or waiting, and was last active before <paramref name="cutoff"/>.</summary>
    public bool IsIdleSince(DateTimeOffset cutoff)
    {
        lock (_lock)
        {
            return _state == ActivationState.Valid && _running.Count == 0 && _waiting.Count == 0 && _deactivationReason is null && _lastActivity < cutoff;
        }
    }

    /// <summary>Starts activation: directory registration, state read, OnActivateAsync. Calls queue meanwhile.</summary>
    public void Start() => RunOnScheduler(static a => ((GrainActivation)a!).ActivateAsync(), this);

    /// <summary>Accepts work, or returns false when the activation is (about to be) deactivated and its successor must take it.</summary>
    public bool TryEnqueue(ActivationWorkItem item)
    {
        lock (_lock)
        {
            if (_state is ActivationState.Deactivating or ActivationState.Invalid || _deactivationReason is not null)
            {
                return false;
            }

            if (_state == ActivationState.Valid && (item.Interleave || (_runningExclusive == 0 && _waiting.Count == 0)))
            {
                StartLocked(item);
            }
            else
            {
                _waiting.Enqueue(item);
            }

            return true;
        }
    }

    public void Deactivate(DeactivationReason reason)
    {
        lock (_lock)
        {
            if (_deactivationReason is not null || _state is ActivationState.Deactivating or ActivationState.Invalid)
            {
                return;
            }

            _deactivationReason = reason;
            if (_state == ActivationState.Valid && _runningExclusive == 0)
            {
                BeginDeactivationLocked();
            }
        }
    }

    public IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new GrainTimer(this, callback, options, _services.LoggerFactory.CreateLogger<GrainTimer>());
        lock (_lock)
        {
            (_timers ??= []).Add(timer);
        }

        timer.Start();
        return timer;
    }

    public void RemoveTimer(GrainTimer timer)
    {
        lock (_lock)
        {
            _timers?.Remove(timer);
        }
    }

    public override string ToString() => $"{GrainId} ({ActivationId} on {Address.Silo})";

    private void StartLocked(ActivationWorkItem item)
    {
        _running.Add(item);
        if (!item.Interleave)
        {
            _runningExclusive++;
        }

        RunOnScheduler(_runItem, item);
    }

    private async Task RunItemAsync(ActivationWorkItem item)
    {
        try
        {
            await item.ExecuteAsync(this);
        }
        catch (Exception ex)
        {
            LogWorkItemFailed(_services.Logger, GrainId, ex);
        }

        OnItemFinished(item);
        item.OnCompleted();
    }

    private void OnItemFinished(ActivationWorkItem item)
    {
        lock (_lock)
        {
            _running.Remove(item);
            if (!item.Interleave)
            {
                _runningExclusive--;
            }

            if (item.CountsAsActivity)
            {
                _lastActivity = _services.TimeProvider.GetUtcNow();
            }

            if (_state == ActivationState.Valid)
            {
                if (_deactivationReason is not null && _runningExclusive == 0)
                {
                    BeginDeactivationLocked();
                }
                else
                {
                    PumpLocked();
                }
            }
            else if (_state == ActivationState.Deactivating && _running.Count == 0)
            {
                _drained?.TrySetResult();
            }
        }
    }

    /// <summary>Starts every waiting item that may run now, keeping the order of those that must wait.</summary>
    private void PumpLocked()
    {
        var count = _waiting.Count;
        for (var i = 0; i < count; i++)
        {
            var item = _waiting.Dequeue();
            if (item.Interleave || _runningExclusive == 0)
            {
                StartLocked(item);
            }
            else
            {
                _waiting.Enqueue(item);
            }
        }
    }

    private void RunOnScheduler(Func<object?, Task> work, object? state) =>
        _ = Task.Factory.StartNew(work, state, CancellationToken.None, TaskCreationOptions.DenyChildAttach, _scheduler);

    [LoggerMessage(Level = LogLevel.Error, Message = "A work item of grain {GrainId} failed outside the grain method")]
    private static partial void LogWorkItemFailed(ILogger logger, GrainId grainId, Exception exception);
}
