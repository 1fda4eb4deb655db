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
            // Stored as running but no run exists: it was lost with its silo (or stopped with it). Run it again.
            await RedriveAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_run is { } run)
        {
            // The run cannot outlive its activation's bookkeeping. Stopped, it reports its (now stale) outcome, and that
            // call re-creates the grain on a live silo, whose activation re-drives the task: this is how a stopping silo
            // hands its tasks over without any client asking for them.
            run.Cancel();
            LogRunStopped(_logger, Record.Context!.TaskId, reason.ReasonCode);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The stored access token of task {TaskId} cannot be decrypted ({Reason}); the run sees no token")]
    private static partial void LogTokenUnreadable(ILogger logger, string taskId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId} stops its run because its activation is deactivating ({Reason})")]
    private static partial void LogRunStopped(ILogger logger, string taskId, DeactivationReasonCode reason);
}
