using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using TaskActors.TaskLoad.Mcp;
using TaskActors.TaskLoad.Measurement;

namespace TaskActors.TaskLoad.Load;

/// <summary>
/// One benchmark client on its own MCP session. Each iteration creates a no-op task (tools/call with params.task),
/// asks tasks/get, then tasks/result (which blocks until the task is terminal), timing each request and checking
/// each answer.
/// </summary>
internal sealed class TaskClient(McpHttpSession session, LoadSettings settings)
{
    private const string Tool = "noop";

    public McpHttpSession Session => session;

    /// <summary>Runs iterations while <paramref name="next"/> allows, recording into <paramref name="recorder"/>.</summary>
    public async Task RunAsync(TaskRecorder recorder, Func<bool> next, CancellationToken cancellationToken)
    {
        while (next())
        {
            try
            {
                await RunOnceAsync(recorder, cancellationToken);
                recorder.Completed++;
            }
            catch (Exception ex) when (ex is McpCallException or HttpRequestException or SocketException or IOException or JsonException
                || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                recorder.Error(ex is TaskCanceledException ? "request timed out" : ex.Message);
            }
        }
    }

    private async Task RunOnceAsync(TaskRecorder recorder, CancellationToken cancellationToken)
    {
        var id = session.NextId();
        var started = Stopwatch.GetTimestamp();
        var created = await session.RequestAsync(id, JsonRpcBodies.CallToolAsTask(id, Tool, settings.TtlMilliseconds), cancellationToken);
        recorder.Create.Add(Stopwatch.GetTimestamp() - started);
        var taskId = TaskChecks.CreatedTaskId(created);

        for (var i = 0; i < settings.GetsPerTask; i++)
        {
            id = session.NextId();
            started = Stopwatch.GetTimestamp();
            var task = await session.RequestAsync(id, JsonRpcBodies.TaskRequest(id, "tasks/get", taskId), cancellationToken);
            recorder.Get.Add(Stopwatch.GetTimestamp() - started);
            TaskChecks.IsTask(task, taskId);
        }

        id = session.NextId();
        started = Stopwatch.GetTimestamp();
        var result = await session.RequestAsync(id, JsonRpcBodies.TaskRequest(id, "tasks/result", taskId), cancellationToken);
        recorder.Result.Add(Stopwatch.GetTimestamp() - started);
        TaskChecks.IsOkResult(result, taskId);
    }
}
