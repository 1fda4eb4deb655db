using System.Diagnostics;
using TaskActors.TaskLoad.Hosting;
using TaskActors.TaskLoad.Mcp;
using TaskActors.TaskLoad.Measurement;

namespace TaskActors.TaskLoad.Load;

/// <summary>
/// One server at one concurrency, on a freshly started process: open a session per client, warm up with the same
/// load, then measure a window between two reads of the server's counters (taken while every client is idle, so the
/// counts belong to the window's tasks alone).
/// </summary>
internal static class ServerRun
{
    public static async Task<LevelResult> RunAsync(ServerKind kind, int concurrency, LoadSettings settings, Action<string> report, CancellationToken cancellationToken)
    {
        await using var server = await ServerLauncher.StartAsync(kind, settings, cancellationToken);
        report($"{server.Name} (pid {server.Pid}) listens at {server.McpUrl}; opening {concurrency} sessions");
        using var http = McpHttpSession.CreateHttpClient();
        var clients = Enumerable.Range(0, concurrency).Select(_ => new TaskClient(new McpHttpSession(http, server.McpUrl), settings)).ToArray();
        await Task.WhenAll(clients.Select(c => c.Session.InitializeAsync(cancellationToken)));

        report($"warming up for {settings.Warmup.TotalSeconds:0.#} s");
        var warmup = await LoadPhase.RunAsync(clients, settings.Warmup, null, cancellationToken);
        if (warmup.ErrorCount > 0 && warmup.Completed == 0)
        {
            throw new InvalidOperationException($"Every warm-up task of {server.Name} failed: {warmup.Errors.First().Key}\nServer output:\n{server.Output()}");
        }

        server.EnsureRunning();
        var countersBefore = kind == ServerKind.TaskActors ? await RuntimeCounterSnapshot.ReadAsync(http, server.McpUrl, cancellationToken) : null;
        var serverCpu = server.CpuTime;
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var machineCpu = MachineCpu.BusyTime();
        report(settings.Tasks is { } tasks ? $"measuring {tasks} tasks" : $"measuring for {settings.Duration.TotalSeconds:0.#} s");
        var phase = await LoadPhase.RunAsync(clients, settings.Duration, settings.Tasks, cancellationToken);
        server.EnsureRunning();
        serverCpu = server.CpuTime - serverCpu;
        clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientCpu;
        machineCpu = MachineCpu.BusyTime() - machineCpu;
        var storage = countersBefore is null
            ? null
            : StorageCost.Between(countersBefore, await RuntimeCounterSnapshot.ReadAsync(http, server.McpUrl, cancellationToken), phase.Completed);
        var workingSet = server.WorkingSetBytes;

        await CloseSessionsAsync(clients);
        return new LevelResult(kind, concurrency, phase, serverCpu, clientCpu, machineCpu, workingSet, storage);
    }

    private static async Task CloseSessionsAsync(IEnumerable<TaskClient> clients)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await Task.WhenAll(clients.Select(c => c.Session.CloseAsync(timeout.Token)));
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            // Best effort: the process is killed next anyway.
        }
    }
}
