using Microsoft.Extensions.Logging;
using TaskActors.Runtime.Abstractions.Core;
using TaskActors.Runtime.Abstractions.Identity;
using TaskActors.Runtime.Directory;
using TaskActors.Runtime.Messaging;
using TaskActors.Runtime.Timers;

namespace TaskActors.Runtime.Activation;

/// <summary>Activation and deactivation of a <see cref="GrainActivation"/>; both run as turns on its scheduler.</summary>
internal sealed partial class GrainActivation
{
    private async Task ActivateAsync()
    {
        using var timeout = new CancellationTokenSource(_services.CollectionOptions.DeactivationTimeout, _services.TimeProvider);
        GrainAddress registered;
        try
        {
            registered = await RegisterInDirectoryAsync(timeout.Token);
        }
        catch (Exception ex)
        {
            await FailActivationAsync(ex, isRegistered: false);
            return;
        }

        if (registered != Address)
        {
            // Another silo won the race for this grain: this activation never existed; send the callers there.
            LogDuplicateActivation(_services.Logger, GrainId, registered.Silo);
            Finish(DeactivationReasonCode.DuplicateActivation, item => item.Reject(GrainCallResponse.Redirect(registered)));
            return;
        }

        try
        {
            var (grain, loaders) = _services.Activator.Create(this);
            _grain = grain;
            foreach (var loader in loaders)
            {
                await loader.LoadAsync(timeout.Token);
            }

            await grain.OnActivateAsync(timeout.Token);
        }
        catch (Exception ex)
        {
            await FailActivationAsync(ex, isRegistered: true);
            return;
        }

        lock (_lock)
        {
            _state = ActivationState.Valid;
            if (_deactivationReason is not null)
            {
                BeginDeactivationLocked();
            }
            else
            {
                PumpLocked();
            }
        }
    }

    private async Task<GrainAddress> RegisterInDirectoryAsync(CancellationToken cancellationToken)
    {
        var directory = _services.Directory;
        var current = await directory.RegisterAsync(Address, previousAddress: null, cancellationToken);
        for (var attempt = 0; attempt < 3 && current != Address && IsStale(current); attempt++)
        {
            // The entry points at a dead silo or at an earlier activation on this silo: replace exactly that entry.
            current = await directory.RegisterAsync(Address, previousAddress: current, cancellationToken);
        }

        return current;
    }

    private bool IsStale(GrainAddress entry) =>
        _services.Membership.IsDead(entry.Silo) || (entry.Silo == Address.Silo && entry.ActivationId != ActivationId);

    private async Task FailActivationAsync(Exception exception, bool isRegistered)
    {
        LogActivationFailed(_services.Logger, GrainId, exception);
        DisposeTimers();
        if (isRegistered)
        {
            await UnregisterAsync();
        }

        var response = new GrainCallResponse
        {
            Status = GrainCallStatus.Exception,
            Exception = new RemoteExceptionInfo(
                exception.GetType().FullName ?? exception.GetType().Name,
                $"Activation of grain {GrainId} failed: {exception.Message}",
                exception.StackTrace),
        };
        Finish(DeactivationReasonCode.ActivationFailed, item => item.Reject(response));
    }

    private void BeginDeactivationLocked()
    {
        _state = ActivationState.Deactivating;
        if (_running.Count > 0)
        {
            _drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        RunOnScheduler(static a => ((GrainActivation)a!).DeactivateAsync(), this);
    }

    private async Task DeactivateAsync()
    {
        var reason = _deactivationReason!.Value;
        var timeout = _services.CollectionOptions.DeactivationTimeout;
        if (_drained is { } drained && !await WaitAsync(drained.Task, timeout))
        {
            // Interleaving work (a long-poll wait) is still running: cancel it, then give it one more period.
            CancelRunningCalls();
            if (!await WaitAsync(drained.Task, timeout))
            {
                LogDrainTimedOut(_services.Logger, GrainId, timeout);
            }
        }

        DisposeTimers();
        try
        {
            using var cancellation = new CancellationTokenSource(timeout, _services.TimeProvider);
            await GrainInstance.OnDeactivateAsync(reason, cancellation.Token);
        }
        catch (Exception ex)
        {
            LogOnDeactivateFailed(_services.Logger, GrainId, ex);
        }

        await UnregisterAsync();
        LogDeactivated(_services.Logger, GrainId, reason.Code, reason.Description);
        Finish(reason.Code, item => item.Redeliver());
    }

    private async Task<bool> WaitAsync(Task task, TimeSpan timeout)
    {
        try
        {
            await task.WaitAsync(timeout, _services.TimeProvider);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private void CancelRunningCalls()
    {
        List<IncomingCall> calls;
        lock (_lock)
        {
            calls = [.. _running.Items.OfType<IncomingCall>()];
        }

        foreach (var call in calls)
        {
            call.Cancel();
        }
    }

    private async Task UnregisterAsync()
    {
        try
        {
            await _services.Directory.UnregisterAsync(Address);
        }
        catch (Exception ex)
        {
            // The entry stays until a later activation replaces it as stale (same silo, other activation id).
            LogUnregisterFailed(_services.Logger, GrainId, ex);
        }
    }

    private void DisposeTimers()
    {
        List<GrainTimer> timers;
        lock (_lock)
        {
            timers = _timers is null ? [] : [.. _timers];
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }
    }

    /// <summary>Stops the activation dead, without OnDeactivateAsync or unregistering (a simulated crash).</summary>
    public void Abandon()
    {
        lock (_lock)
        {
            _state = ActivationState.Invalid;
            _waiting.Clear();
        }

        DisposeTimers();
        _deactivated.TrySetResult();
    }

    /// <summary>Leaves the catalog and hands every waiting item to <paramref name="leftover"/>.</summary>
    private void Finish(DeactivationReasonCode reason, Action<ActivationWorkItem> leftover)
    {
        ActivationWorkItem[] waiting;
        lock (_lock)
        {
            _state = ActivationState.Invalid;
            waiting = [.. _waiting];
            _waiting.Clear();
        }

        _catalog.Remove(this, reason);
        _deactivated.TrySetResult();
        foreach (var item in waiting)
        {
            leftover(item);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Grain {GrainId} is already active on silo {SiloAddress}; redirecting its calls there")]
    private static partial void LogDuplicateActivation(ILogger logger, GrainId grainId, Identity.SiloAddress siloAddress);

    [LoggerMessage(Level = LogLevel.Error, Message = "Activation of grain {GrainId} failed")]
    private static partial void LogActivationFailed(ILogger logger, GrainId grainId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Grain {GrainId} still had running work {Timeout} after its deactivation began and its calls were cancelled")]
    private static partial void LogDrainTimedOut(ILogger logger, GrainId grainId, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Error, Message = "OnDeactivateAsync of grain {GrainId} failed")]
    private static partial void LogOnDeactivateFailed(ILogger logger, GrainId grainId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removing the directory entry of grain {GrainId} failed")]
    private static partial void LogUnregisterFailed(ILogger logger, GrainId grainId, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deactivated grain {GrainId}: {Reason} ({Description})")]
    private static partial void LogDeactivated(ILogger logger, GrainId grainId, DeactivationReasonCode reason, string description);
}
