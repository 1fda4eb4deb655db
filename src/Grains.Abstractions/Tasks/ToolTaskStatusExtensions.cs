namespace TaskActors.Grains.Abstractions.Tasks;

/// <summary>Rules of the task status machine.</summary>
public static class ToolTaskStatusExtensions
{
    /// <summary>Whether the status is completed, failed or cancelled.</summary>
    public static bool IsTerminal(this ToolTaskStatus status) => status is ToolTaskStatus.Completed or ToolTaskStatus.Failed or ToolTaskStatus.Cancelled;

    /// <summary>Whether the machine allows moving from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanMoveTo(this ToolTaskStatus from, ToolTaskStatus to) => from switch
    {
        ToolTaskStatus.Working => to is not ToolTaskStatus.Working,
        ToolTaskStatus.InputRequired => to is not ToolTaskStatus.InputRequired,
        _ => false,
    };

    /// <summary>The wire spelling (<c>input_required</c>).</summary>
    public static string ToWireString(this ToolTaskStatus status) => status switch
    {
        ToolTaskStatus.Working => "working",
        ToolTaskStatus.InputRequired => "input_required",
        ToolTaskStatus.Completed => "completed",
        ToolTaskStatus.Failed => "failed",
        _ => "cancelled",
    };
}
