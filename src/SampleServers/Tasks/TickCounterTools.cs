using System.ComponentModel;
using System.Globalization;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using TaskActors.Grains.Abstractions.Servers;
using TaskActors.SampleServers.Lifespan;
using TaskActors.Servers.Context;
using TaskActors.Servers.Definition;

namespace TaskActors.SampleServers.Tasks;

/// <summary>
/// A cancellable counter: <c>tick_counter</c> counts every 100 ms, reporting each count as progress and recording it in
/// the lifespan state under its task id, so after a cancellation <c>tick_count</c> tells how far it got.
/// </summary>
/// <param name="timeProvider">The clock the ticks run on.</param>
[McpServerToolType]
internal sealed class TickCounterTools(TimeProvider timeProvider)
{
    /// <summary>How often the counter ticks.</summary>
    public static readonly TimeSpan TickPeriod = TimeSpan.FromMilliseconds(100);

    [McpServerTool(Name = "tick_counter")]
    [Description("Counts every 100 ms until the given seconds have elapsed or the task is cancelled, reporting the count as progress; returns the final count. Read a cancelled task's count with tick_count. May run as a task.")]
    [TaskSupport(ToolTaskSupport.Optional)]
    public async Task<string> TickCounter(McpTaskContext context, [Description("How long to count, 0 to 3600")] double seconds, CancellationToken cancellationToken)
    {
        var ticks = (int)Math.Ceiling(FixtureDurations.FromSeconds(seconds) / TickPeriod);
        var counters = context.GetLifespanState<SamplesLifespanState>().TickCounters;
        var count = 0;
        Record(counters, context.TaskId, count);
        using var timer = new PeriodicTimer(TickPeriod, timeProvider);
        while (count < ticks && await timer.WaitForNextTickAsync(cancellationToken))
        {
            count++;
            Record(counters, context.TaskId, count);
            await context.ReportProgressAsync(count, ticks, string.Create(CultureInfo.InvariantCulture, $"{count} of {ticks} ticks"));
        }

        return count.ToString(CultureInfo.InvariantCulture);
    }

    [McpServerTool(Name = "tick_count")]
    [Description("Returns the count a tick_counter task reached (also after it was cancelled). Counts are kept per silo.")]
    [TaskSupport(ToolTaskSupport.Forbidden)]
    public static CallToolResult TickCount(McpTaskContext context, [Description("The tick_counter task's id")] string taskId) =>
        context.GetLifespanState<SamplesLifespanState>().TickCounters.TryGetCount(taskId, out var count)
            ? new CallToolResult { Content = [new TextContentBlock { Text = count.ToString(CultureInfo.InvariantCulture) }] }
            : new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = $"No tick_counter task '{taskId}' has run on this silo." }] };

    /// <summary>Only background runs are recorded: a plain call has no id a client could ask about.</summary>
    private static void Record(TickCounterRegistry counters, string? taskId, int count)
    {
        if (taskId is not null)
        {
            counters.Record(taskId, count);
        }
    }
}
