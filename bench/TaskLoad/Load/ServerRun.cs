using System.Diagnostics;
using TaskActors.TaskLoad.Hosting;
using TaskActors.TaskLoad.Mcp;
using TaskActors.TaskLoad.Measurement;

namespace TaskActors.TaskLoad.Load;

/// <summary>
/// One target (a server, or a local cluster) at one concurrency, on freshly started processes: open a session per
/// client (spread evenly over its MCP endpoints), warm up with the same load, then measure a window between two reads
/// of every silo's counters and its Redis's INFO (taken while every client is idle, so the counts belong to the
/// window's tasks alone). With Redis an idle interval follows, which measures Redis's background traffic.
/// </summary>
internal static class ServerRun
{
    public static async Task<LevelResult> RunAsync(ILoadTarget target, int concurrency, LoadSettings settings, Action<string> report, CancellationToken cancellationToken)
    {
        var redisPort = target.RedisPort;
        var endpoints = target.McpUrls;
        report($"{target.Description}; opening {concurrency} sessions" + (endpoints.Count > 1 ? $" over {endpoints.Count} endpoints" : string.Empty));
        using var http = McpHttpSession.CreateHttpClient();
        var clients = Enumerable.Range(0, concurrency).Select(i => new TaskClient(new McpHttpSession(http, endpoints[i % endpoints.Count]), settings)).ToArray();
        await Task.WhenAll(clients.Select(c => c.Session.InitializeAsync(cancellationToken)));

        report($"warming up for {settings.Warmup.TotalSeconds:0.#} s");
        var warmup = await LoadPhase.RunAsync(clients, settings.Warmup, null, cancellationToken);
        if (warmup.ErrorCount > 0 && warmup.Completed == 0)
        {
            throw new InvalidOperationException($"Every warm-up task failed: {warmup.Errors.First().Key}\nServer output:\n{target.Output()}");
        }

        target.EnsureRunning();
        var countersBefore = await SiloCountersAsync(http, target, cancellationToken);
        var redisBefore = redisPort is { } port ? await RedisSnapshot.ReadAsync(port, cancellationToken) : null;
        var serverCpu = target.CpuTime();
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var machineCpu = MachineCpu.BusyTime();
        report(settings.Tasks is { } tasks ? $"measuring {tasks} tasks" : $"measuring for {settings.Duration.TotalSeconds:0.#} s");
        var phase = await LoadPhase.RunAsync(clients, settings.Duration, settings.Tasks, cancellationToken);
        target.EnsureRunning();
        serverCpu = target.CpuTime() - serverCpu;
        clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientCpu;
        machineCpu = MachineCpu.BusyTime() - machineCpu;
        var redisAfter = redisPort is { } after ? await RedisSnapshot.ReadAsync(after, cancellationToken) : null;
        var idleStarted = Stopwatch.GetTimestamp();
        var countersAfter = await SiloCountersAsync(http, target, cancellationToken);
        var silo = countersBefore.Count == 0 ? null : SiloCost.Between(countersBefore, countersAfter, phase.Completed);
        var workingSet = target.WorkingSetBytes();

        RedisCost? redisCost = null;
        if (redisBefore is not null && redisAfter is not null)
        {
            var (idleEnd, idle) = await IdleAsync(redisPort!.Value, idleStarted, settings.RedisIdle, report, cancellationToken);
            redisCost = RedisCost.Between(redisBefore, redisAfter, idleEnd, phase.Elapsed, idle, phase.Completed);
        }

        await CloseSessionsAsync(clients);
        return new LevelResult(
            target.Kind, target.Cluster, concurrency, phase, serverCpu, redisAfter is null ? TimeSpan.Zero : redisAfter.Cpu - redisBefore!.Cpu, clientCpu, machineCpu, workingSet, silo, redisCost);
    }

    /// <summary>Every silo's counters, in the order of <see cref="ILoadTarget.SiloUrls"/>.</summary>
    private static async Task<IReadOnlyList<RuntimeCounterSnapshot>> SiloCountersAsync(HttpClient http, ILoadTarget target, CancellationToken cancellationToken) =>
        await Task.WhenAll(target.SiloUrls.Select(url => RuntimeCounterSnapshot.ReadAsync(http, url, cancellationToken)));

    /// <summary>
    /// Waits until <paramref name="idle"/> has passed since <paramref name="started"/> (a timestamp) with every client
    /// idle, and reads Redis's totals then (none for a zero interval).
    /// </summary>
    private static async Task<(RedisSnapshot? End, TimeSpan Elapsed)> IdleAsync(int redisPort, long started, TimeSpan idle, Action<string> report, CancellationToken cancellationToken)
    {
        if (idle <= TimeSpan.Zero)
        {
            return (null, TimeSpan.Zero);
        }

        report($"measuring Redis's background for {idle.TotalSeconds:0.#} s with every client idle");
        var left = idle - Stopwatch.GetElapsedTime(started);
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left, cancellationToken);
        }

        var end = await RedisSnapshot.ReadAsync(redisPort, cancellationToken);
        return (end, Stopwatch.GetElapsedTime(started));
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
            // Best effort: the processes are killed next anyway.
        }
    }
}
