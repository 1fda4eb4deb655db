using Microsoft.Extensions.Logging;
using TaskActors.Grains.Abstractions.Tasks;

namespace TaskActors.Grains.Tasks;

/// <summary>
/// The end of a task's retention (its ttl). Its stored record expires with it in storage; at the same moment the
/// activation leaves memory, and a run still going then is stopped, since nobody can read its result any more, and its
/// admission slot is given back.
/// </summary>
public sealed partial class TaskGrain
{
    private IGrainTimer? _expiryTimer;

    /// <summary>Arms the timer that ends the activation (and a run still going) when the task's ttl ends (durable tasks with a ttl only).</summary>
    private void ScheduleExpiry()
    {
        if (!_durable || Record.Ttl is not { } ttl || _expiryTimer is not null)
        {
            return;
        }

        var due = Record.CreatedAt + ttl - Now;
        _expiryTimer = this.RegisterGrainTimer(ExpireAsync, new GrainTimerCreationOptions { DueTime = due > TimeSpan.Zero ? due : TimeSpan.Zero, Period = Timeout.InfiniteTimeSpan });
    }

    private async Task ExpireAsync(CancellationToken cancellationToken)
    {
        _expiryTimer?.Dispose();
        _expiryTimer = null;
        if (!Record.Status.IsTerminal() && _run is { } run)
        {
            run.Cancel();
            EndRun();
            LogExpiredWhileRunning(_audit, Record.Context!.TaskId, Record.Context.Scope, Record.Status);
            await ReleaseAdmissionAsync();
        }

        DeactivateOnIdle();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: task {TaskId} in scope {Scope} expired while {Status}; its run was stopped")]
    private static partial void LogExpiredWhileRunning(ILogger logger, string taskId, string scope, ToolTaskStatus status);
}
