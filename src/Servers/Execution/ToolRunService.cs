using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using TaskActors.Grains.Abstractions.Tasks;
using TaskActors.Servers.Diagnostics;

namespace TaskActors.Servers.Execution;

/// <summary>
/// Starts tool runs beside their task grains: a run executes on the thread pool of the grain's silo, never in a grain
/// turn, and reports its messages and outcome back through grain calls. Each run is a <see cref="TaskTelemetry.ToolRunSpan"/>
/// span in the trace of the request that submitted its task, on whichever silo and in whichever attempt it runs.
/// </summary>
public sealed partial class ToolRunService
{
    private readonly ToolInvoker _invoker;
    private readonly IGrainFactory _grains;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ToolRunService> _logger;
    private readonly string _silo;

    internal ToolRunService(ToolInvoker invoker, IGrainFactory grains, TimeProvider timeProvider, ILogger<ToolRunService> logger, ILocalSiloDetails silo)
    {
        _invoker = invoker;
        _grains = grains;
        _timeProvider = timeProvider;
        _logger = logger;
        _silo = silo.SiloAddress.ToString();
    }

    /// <summary>Starts the run of the task grain with key <paramref name="taskGrainKey"/>.</summary>
    public ToolRun Start(string taskGrainKey, TaskContextSnapshot snapshot, int attempt, bool isBackgroundTask)
    {
        var cancellation = new CancellationTokenSource();
        var run = new ToolRun(attempt, cancellation);
        var grain = _grains.GetGrain<ITaskRunGrain>(taskGrainKey);
        run.Completion = Task.Run(() => RunAsync(grain, snapshot, attempt, isBackgroundTask, cancellation.Token), CancellationToken.None);
        return run;
    }

    private async Task RunAsync(ITaskRunGrain grain, TaskContextSnapshot snapshot, int attempt, bool isBackgroundTask, CancellationToken cancellationToken)
    {
        // Current for the whole run, so the grain calls the tool makes (and the one reporting its outcome) are its children.
        using var activity = TaskTelemetry.StartToolRun(snapshot, attempt, isBackgroundTask, _silo);
        TaskOutcome outcome;
        var cancelled = false;
        try
        {
            outcome = await _invoker.InvokeAsync(snapshot, isBackgroundTask, new TaskRunChannel(grain, attempt), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = Outcomes.Error(McpErrorCode.InternalError, "The task was cancelled.");
            cancelled = true;
        }

        if (activity is not null)
        {
            TaskTelemetry.SetOutcome(activity, outcome, cancelled);
        }

        // The outcome must reach the grain; a grain call can fail while the cluster re-arranges itself.
        for (var attemptToReport = 1; ; attemptToReport++)
        {
            try
            {
                var accepted = await grain.CompleteAsync(attempt, outcome, CancellationToken.None).ConfigureAwait(false);
                if (activity is not null)
                {
                    TaskTelemetry.AddReported(activity, accepted, attemptToReport);
                }

                return;
            }
            catch (Exception ex) when (attemptToReport < 5)
            {
                LogReportRetry(_logger, snapshot.TaskId, attemptToReport, ex);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attemptToReport), _timeProvider, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // The task stays non-terminal; the re-drive (reminder or next activation) runs it again.
                LogReportFailed(_logger, snapshot.TaskId, ex);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reporting the outcome of task {TaskId} failed (try {Try}); retrying")]
    private static partial void LogReportRetry(ILogger logger, string taskId, int @try, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reporting the outcome of task {TaskId} failed; it will be re-driven")]
    private static partial void LogReportFailed(ILogger logger, string taskId, Exception exception);
}
