using System.ComponentModel;
using System.Globalization;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using TaskActors.Grains.Abstractions.Servers;
using TaskActors.Servers.Context;
using TaskActors.Servers.Definition;

namespace TaskActors.SampleServers.Tasks;

/// <summary>
/// Task fixtures for each task support level and each way a run ends: waiting, at once, throwing, an error result; and
/// <c>noop</c>, the no-op that bench/TaskLoad drives here and on the TypeScript SDK's task server alike.
/// </summary>
/// <param name="timeProvider">The clock waits run on.</param>
[McpServerToolType]
internal sealed class TaskFixtureTools(TimeProvider timeProvider)
{
    [McpServerTool(Name = "slow_echo")]
    [Description("Waits the given number of seconds (cancellable), then returns the text. May run as a task.")]
    [TaskSupport(ToolTaskSupport.Optional)]
    public async Task<string> SlowEcho(
        [Description("The text to return")] string text,
        [Description("How long to wait first, 0 to 3600")] double seconds,
        CancellationToken cancellationToken)
    {
        await Task.Delay(FixtureDurations.FromSeconds(seconds), timeProvider, cancellationToken);
        return text;
    }

    [McpServerTool(Name = "required_job")]
    [Description("Waits the given number of seconds (cancellable), then returns a summary. Must run as a task.")]
    [TaskSupport(ToolTaskSupport.Required)]
    public async Task<string> RequiredJob(McpTaskContext context, [Description("How long the job takes, 0 to 3600")] double seconds, CancellationToken cancellationToken)
    {
        await Task.Delay(FixtureDurations.FromSeconds(seconds), timeProvider, cancellationToken);
        return string.Create(CultureInfo.InvariantCulture, $"required_job finished after {seconds} s as task {context.TaskId}.");
    }

    [McpServerTool(Name = "sync_only")]
    [Description("Returns at once. Must not run as a task.")]
    [TaskSupport(ToolTaskSupport.Forbidden)]
    public static string SyncOnly() => "sync_only ran as a plain call.";

    [McpServerTool(Name = "noop")]
    [Description("Does nothing and returns \"ok\" at once. May run as a task.")]
    [TaskSupport(ToolTaskSupport.Optional)]
    public static string Noop() => "ok";

    [McpServerTool(Name = "boom")]
    [Description("Always throws, to show how a failing tool ends. May run as a task.")]
    [TaskSupport(ToolTaskSupport.Optional)]
    public static string Boom() => throw new InvalidOperationException("boom: this tool always fails.");

    [McpServerTool(Name = "soft_fail")]
    [Description("Returns an error result (isError) instead of throwing. May run as a task.")]
    [TaskSupport(ToolTaskSupport.Optional)]
    public static CallToolResult SoftFail() => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = "soft_fail: this tool reports an error result." }],
    };
}
