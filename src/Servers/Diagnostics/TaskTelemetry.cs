using System.Diagnostics;
using TaskActors.Grains.Abstractions.Tasks;

namespace TaskActors.Servers.Diagnostics;

/// <summary>
/// TaskActors' ActivitySource for task events (<see cref="SourceName"/>, exported by ServiceDefaults' <c>TaskActors.*</c>):
/// the span of each tool run, its tags and events. A run joins the trace of the request that submitted its task, also when
/// it is re-driven by a new activation on another silo, because its parent is the task's stored W3C traceparent.
/// </summary>
public static class TaskTelemetry
{
    /// <summary>The name of the ActivitySource.</summary>
    public const string SourceName = "TaskActors.Tasks";

    /// <summary>The span of one tool run (one attempt), from the tool's start until its outcome is reported to the grain.</summary>
    public const string ToolRunSpan = "tool.run";

    /// <summary>Event on <see cref="ToolRunSpan"/>: the outcome was reported to the task grain.</summary>
    public const string ReportedEvent = "task.reported";

    /// <summary>Tag: the task id (the same value the logs carry).</summary>
    public const string TaskIdTag = "taskactors.task.id";

    /// <summary>Tag: the tool name the client called, mount prefixes included.</summary>
    public const string ToolTag = "taskactors.tool";

    /// <summary>Tag: the path of the (possibly mounted) server that owns the tool.</summary>
    public const string ServerTag = "taskactors.server";

    /// <summary>Tag: the attempt (1 for the first run; a re-drive after a lost silo counts up).</summary>
    public const string AttemptTag = "taskactors.task.attempt";

    /// <summary>Tag: whether the run is a background task (true) or a plain call (false).</summary>
    public const string BackgroundTag = "taskactors.task.background";

    /// <summary>Tag: the address of the silo the run executes on.</summary>
    public const string SiloTag = "taskactors.silo";

    /// <summary>Tag: how the run ended, as the MCP task status it puts the task in (<c>completed</c>, <c>failed</c>, <c>cancelled</c>).</summary>
    public const string StatusTag = "taskactors.task.status";

    /// <summary>Tag: the JSON-RPC error code, when the run ended with one.</summary>
    public const string ErrorCodeTag = "taskactors.task.error_code";

    /// <summary>Tag of <see cref="ReportedEvent"/>: whether the grain took the outcome (false for a stale attempt or a cancelled task).</summary>
    public const string AcceptedTag = "taskactors.task.accepted";

    /// <summary>Tag of <see cref="ReportedEvent"/>: how many calls reporting the outcome took.</summary>
    public const string ReportTriesTag = "taskactors.task.report_tries";

    /// <summary>The source. Starting a span costs a listener check when nobody listens.</summary>
    internal static ActivitySource Source { get; } = new(SourceName);

    /// <summary>
    /// Starts the span of a tool run, or returns null when nobody listens (or the trace is not sampled). Its parent is the
    /// ambient activity when that belongs to the task's trace (the grain call that started the run); otherwise it is the
    /// stored traceparent, and the ambient activity (what re-drove the run: a reminder, another request) becomes a link.
    /// </summary>
    internal static Activity? StartToolRun(TaskContextSnapshot snapshot, int attempt, bool isBackgroundTask, string silo)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var ambient = Activity.Current;
        var parent = default(ActivityContext);
        ActivityLink[]? links = null;
        if (snapshot.TraceParent is { } traceParent
            && ActivityContext.TryParse(traceParent, traceState: null, isRemote: true, out var stored)
            && (ambient is null || ambient.TraceId != stored.TraceId))
        {
            parent = stored;
            links = ambient is null ? null : [new ActivityLink(ambient.Context)];
        }

        var tags = new ActivityTagsCollection
        {
            [TaskIdTag] = snapshot.TaskId,
            [ToolTag] = snapshot.ExposedTool,
            [ServerTag] = snapshot.Server,
            [AttemptTag] = attempt,
            [BackgroundTag] = isBackgroundTask,
            [SiloTag] = silo,
        };
        return Source.StartActivity(ToolRunSpan, ActivityKind.Internal, parent, tags, links);
    }

    /// <summary>Records how the run ended: its status tag, and an error status when it fails (a cancelled run is no error).</summary>
    internal static void SetOutcome(Activity activity, TaskOutcome outcome, bool cancelled)
    {
        var status = cancelled ? ToolTaskStatus.Cancelled : outcome.Status;
        activity.SetTag(StatusTag, status.ToWireString());
        if (outcome.Error is { } error)
        {
            activity.SetTag(ErrorCodeTag, error.Code);
        }

        if (status == ToolTaskStatus.Failed)
        {
            activity.SetStatus(ActivityStatusCode.Error, outcome.Summary);
        }
    }

    /// <summary>Records that the outcome reached the grain (or did not).</summary>
    internal static void AddReported(Activity activity, bool accepted, int tries) =>
        activity.AddEvent(new ActivityEvent(ReportedEvent, tags: new ActivityTagsCollection
        {
            [AcceptedTag] = accepted,
            [ReportTriesTag] = tries,
        }));
}
