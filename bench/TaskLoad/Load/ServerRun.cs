using System.Diagnostics;
using TaskActors.TaskLoad.Hosting;
using TaskActors.TaskLoad.Mcp;
using TaskActors.TaskLoad.Measurement;

namespace TaskActors.TaskLoad.Load;

/// <summary>
/// One server at one concurrency, on freshly started processes (the server, and in cluster mode its own Redis): open a
/// session per client, warm up with the same load, then measure a window between two reads of the server's counters
/// and its Redis's INFO (taken while every client is idle, so the counts belong to the window's tasks alone). In
/// cluster mode an idle interval follows, which measures Redis's background traffic.
/// </summary>
internal static class ServerRun
{
    public static async Task<LevelResult> RunAsync(ServerKind kind, int concurrency, LoadSettings settings, Action<string> report, CancellationToken cancellationToken)
    {
        await using var server = await ServerLauncher.StartAsync(kind, settings, cancellationToken);
        var redisPort = server.Redis?.Port;
        report($"{server.Process.Name} (pid {server.Process.Pid}) listens at {server.McpUrl}"
            + (server.Redis is { } redis ? $", state in redis-server pid {redis.Pid} on port {redis.Port} (AOF in {redis.Directory})" : string.Empty)
            + $"; opening {concurrency} sessions");
        using var http = McpHttpSession.CreateHttpClient();
        var clients = Enumerable.Range(0, concurrency).Select(_ => new TaskClient(new McpHttpSession(http, server.McpUrl), settings)).ToArray();
        await Task.WhenAll(clients.Select(c => c.Session.InitializeAsync(cancellationToken)));

        report($"warming up for {settings.Warmup.TotalSeconds:0.#} s");
        var warmup = await LoadPhase.RunAsync(clients, settings.Warmup, null, cancellationToken);
        if (warmup.ErrorCount > 0 && warmup.Completed == 0)
        {
            throw new InvalidOperationException($"Every warm-up task of {server.Process.Name} failed: {warmup.Errors.First().Key}\nServer output:\n{server.Process.Output()}");
        }

        server.EnsureRunning();
        var countersBefore = server.IsSilo ? await RuntimeCounterSnapshot.ReadAsync(http, server.McpUrl, cancellationToken) : null;
        var redisBefore = redisPort is { } port ? await RedisSnapshot.ReadAsync(port, cancellationToken) : null;
        var serverCpu = server.Process.CpuTime;
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var machineCpu = MachineCpu.BusyTime();
        report(settings.Tasks is { } tasks ? $"measuring {tasks} tasks" : $"measuring for {settings.Duration.TotalSeconds:0.#} s");
        var phase = await LoadPhase.RunAsync(clients, settings.Duration, settings.Tasks, cancellationToken);
        server.EnsureRunning();
        serverCpu = server.Process.CpuTime - serverCpu;
        clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientCpu;
        machineCpu = MachineCpu.BusyTime() - machineCpu;
        var redisAfter = redisPort is { } after ? await RedisSnapshot.ReadAsync(after, cancellationToken) : null;
        var idleStarted = Stopwatch.GetTimestamp();
        var silo = countersBefore is null
            ? null
            : SiloCost.Between(countersBefore, await RuntimeCounterSnapshot.ReadAsync(http, server.McpUrl, cancellationToken), phase.Completed);
        var workingSet = server.Process.WorkingSetBytes;

        RedisCost? redisCost = null;
        if (redisBefore is not null && redisAfter is not null)
        {
            var (idleEnd, idle) = await IdleAsync(redisPort!.Value, idleStarted, settings.RedisIdle, report, cancellationToken);
            redisCost = RedisCost.Between(redisBefore, redisAfter, idleEnd, phase.Elapsed, idle, phase.Completed);
        }

        await CloseSessionsAsync(clients);
        return new LevelResult(kind, concurrency, phase, serverCpu, redisAfter is null ? TimeSpan.Zero : redisAfter.Cpu - redisBefore!.Cpu, clientCpu, machineCpu, workingSet, silo, redisCost);
    }

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
            // Best effort: the process is killed next anyway.
        }
    }
}
