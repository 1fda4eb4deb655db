using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using TaskActors.Grains.Abstractions.Tasks;

namespace TaskActors.Grains.Tasks;

/// <summary>Activation and deactivation of a task grain: resuming a stored task, re-driving a lost run.</summary>
public sealed partial class TaskGrain
{
    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!state.RecordExists)
        {
            return;
        }

        _started = true;
        _durable = true;
        if (Record.ProtectedAccessToken is { } protectedToken)
        {
            try
            {
                _token = tokenProtector.Unprotect(protectedToken);
            }
            catch (Exception ex) when (ex is CryptographicException or FormatException)
            {
                // Undecryptable (unknown key, tampered, or malformed): the run continues without a token (as after
                // expiry) rather than not at all. Only the reason is logged, never the record.
                LogTokenUnreadable(_logger, Record.Context!.TaskId, ex.Message);
            }
        }

        ScheduleExpiry();
        if (!Record.Status.IsTerminal() && !IsExpired())
        {
            // Stored as running but no run exists: it was lost with its silo, or handed over by a stopping one. Run it
            // again; a re-drive reminder it registered before is removed when this run ends.
            _redriveRegistered = await this.GetReminder(RedriveReminder, cancellationToken) is not null;
            await RedriveAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_run is not { } run)
        {
            return;
        }

        // The run cannot outlive its activation's bookkeeping. A durable task hands itself over: it is stored as handed
        // over (so the re-drive does not count a lost run) and its re-drive reminder, due at once, re-creates it on a
        // live silo even when no client asks for it (the stopped run's own late report may do so first).
        run.Cancel();
        LogRunStopped(_logger, Record.Context!.TaskId, reason.ReasonCode);
        if (!_durable || Record.Status.IsTerminal() || IsExpired())
        {
            return;
        }

        try
        {
            Record.HandedOver = true;
            await state.WriteStateAsync(cancellationToken);
            await this.RegisterOrUpdateReminder(RedriveReminder, HandOverDelay, _options.RedrivePeriod, cancellationToken);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Still stored as running: its next call, or a reminder registered earlier, re-drives it.
            LogHandOverFailed(_logger, Record.Context.TaskId, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {TaskId} could not be handed over as its activation stopped; its next call re-drives it")]
    private static partial void LogHandOverFailed(ILogger logger, string taskId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The stored access token of task {TaskId} cannot be decrypted ({Reason}); the run sees no token")]
    private static partial void LogTokenUnreadable(ILogger logger, string taskId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId} stops its run because its activation is deactivating ({Reason})")]
    private static partial void LogRunStopped(ILogger logger, string taskId, DeactivationReasonCode reason);
}
