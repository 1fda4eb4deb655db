using System.Globalization;
using StackExchange.Redis;
using TaskActors.EndToEnd.Tests.Cluster;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.EndToEnd.Tests.Chaos;

/// <summary>
/// Case (d) of the chaos suite: Redis is SIGKILLed under load and started again on the same port and data directory,
/// with <c>appendfsync always</c>. No acknowledged task is lost: the record of every task whose creation was answered
/// before the kill is in Redis after the restart, and every acknowledged task completes. During the outage the client
/// gets only retryable errors (HTTP 503 with Retry-After, or -32603 saying to retry), each within the documented bound,
/// and the cluster recovers by itself: no process is restarted, and new tasks are created again soon after Redis is back.
/// </summary>
public sealed class RedisRestartChaosTests : ChaosTest
{
    /// <summary>
    /// How long Redis stays down: longer than the gateway retries a request (10 s), so that requests made early in the
    /// outage get the retryable error, and those made late in it ride it out.
    /// </summary>
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The longest any request may take to be answered while Redis is down or coming back (tasks/result, which blocks
    /// until its task is done, aside): the gateway's documented bound (docs/reliability.md), plus 5 s for a loaded machine.
    /// </summary>
    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(20);

    /// <summary>How soon after Redis is back a new task must be created again.</summary>
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RedisRestart_LosesNoAcknowledgedTaskAndAnswersRetryableErrors_WhenRedisIsKilledAndStartedAgain()
    {
        await using var cluster = await StartClusterAsync(silos: 2, gateways: 2, appendFsyncAlways: true);
        var figures = new ChaosFigures(Output, "d redis restart");
        await using var client = ChaosClient.Start(new ChaosWorkload
        {
            Gateways = cluster.GatewayUrls,
            Sessions = SessionsOn(cluster),
            Prober = ProberOn(gateway: 0, TimeSpan.FromMilliseconds(100)),
            Initial = [ChaosTaskSpec.SlowWhoAmI(ChaosKinds.LongRun, 10, 15, count: 20), ChaosTaskSpec.SlowWhoAmI(ChaosKinds.LongRun, 10, 15, count: 10, child: true), ChaosTaskSpec.AskUser(count: 10)],
            Stream =
            [
                ChaosTaskSpec.SlowWhoAmI(ChaosKinds.ShortRun, 0.1, 1, weight: 5),
                ChaosTaskSpec.SlowWhoAmI(ChaosKinds.LongRun, 5, 10, weight: 2),
                ChaosTaskSpec.AskUser(weight: 2),
            ],
            StreamPerSecond = 5,
            AnswerDelay = (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(12)),
        });
        await client.WaitForInitialAsync(TestTimeouts.Recovery, TestCancellation);
        await client.WaitForCreatedAsync(60, TestTimeouts.Default, TestCancellation);

        var killedAt = DateTimeOffset.UtcNow;
        await cluster.Redis.KillAsync();
        await Task.Delay(Outage, TestCancellation); // The outage itself: the cluster is meant to be without Redis this long.
        var restartedAt = DateTimeOffset.UtcNow;
        await cluster.RestartRedisAsync(TestCancellation);
        var backAt = DateTimeOffset.UtcNow;
        Output.WriteLine($"Redis killed at {killedAt:HH:mm:ss.fff}, restarting at {restartedAt:HH:mm:ss.fff}, answering PING at {backAt:HH:mm:ss.fff}.");
        await client.WaitForCreatedAsync(client.Created + 20, RecoveryBound + TestTimeouts.Default, TestCancellation);
        var stored = await StoredTaskIdsAsync(cluster.Redis.ConnectionString);
        await client.StopAsync();
        var report = await client.WaitForReportAsync(TimeSpan.FromSeconds(150), TestCancellation);

        long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();
        var acknowledgedBeforeKill = report.Tasks.Where(t => t.CreatedAt < Ms(killedAt)).ToList();
        var problems = ChaosChecks.Tasks(report);
        problems.AddRange(ChaosChecks.FinishedOnce(report, cluster.AllSiloProcesses));
        problems.AddRange(ChaosChecks.Probes(report, error => ChaosChecks.IsRetryable(error.Code, error.Message)));
        problems.AddRange(acknowledgedBeforeKill.Where(t => !stored.Contains(t.TaskId)).Select(t => $"task {t.TaskId} was acknowledged before the kill but its record is not in Redis after the restart"));
        problems.AddRange(report.Errors.Where(e => !ChaosChecks.IsRetryable(e.Code, e.Message)).Select(e => $"a {e.Method} on gateway {e.Gateway} failed with a non-retryable error after {e.Ms} ms: {e.Code} {e.Message}"));
        problems.AddRange(report.HttpErrors.Where(e => e.Status != 503 || e.RetryAfter is null).Select(e => $"HTTP {e.Status} (Retry-After {e.RetryAfter ?? "none"}) to {e.Method} on gateway {e.Gateway}: {e.Body}"));
        problems.AddRange(report.SlowRequests.Where(r => r.Method != "tasks/result" && r.Ms > AnswerBound.TotalMilliseconds).Select(r => $"a {r.Method} on gateway {r.Gateway} took {r.Ms} ms, past the {AnswerBound.TotalSeconds} s bound"));
        problems.AddRange(cluster.Silos.Concat(cluster.Gateways).Where(p => p!.HasExited).Select(p => $"{p!.Name} exited (code {p.ExitCode}); the cluster was to recover by itself"));
        if (report.Errors.Count + report.HttpErrors.Count == 0)
        {
            problems.Add($"no request failed, though Redis was down for {Outage.TotalSeconds} s, longer than a request is retried: the retryable error was not seen");
        }

        var outageEnd = Ms(backAt);
        var firstAfter = report.Tasks.Where(t => t.CreatedAt >= outageEnd).Select(t => t.CreatedAt).DefaultIfEmpty(long.MaxValue).Min();
        var errorsInOutage = report.Errors.Where(e => e.At >= Ms(killedAt)).ToList();
        figures.Add("outage", $"SIGKILL -> restart {ChaosFigures.Format(restartedAt - killedAt)}; restart -> PING {ChaosFigures.Format(backAt - restartedAt)}");
        figures.Add("tasks", $"{report.Tasks.Count} acknowledged ({acknowledgedBeforeKill.Count} before the kill, every one stored after the restart), all completed once");
        figures.Add("Redis back -> next task acknowledged", firstAfter == long.MaxValue ? "none" : ChaosFigures.Format(TimeSpan.FromMilliseconds(firstAfter - outageEnd)));
        figures.Add("failed requests (all retryable)", $"{report.Errors.Count}: {string.Join(", ", report.Errors.GroupBy(e => $"{e.Method} {e.Code}").Select(g => $"{g.Count()} {g.Key}"))}");
        figures.Add("HTTP 503 with Retry-After", report.HttpErrors.Count.ToString(CultureInfo.InvariantCulture));
        figures.Add("longest failed request", errorsInOutage.Count == 0 ? "none" : $"{errorsInOutage.Max(e => e.Ms)} ms");
        figures.Add("longest request (tasks/result aside)", $"{report.Latency.Where(m => m.Key != "tasks/result").Max(m => m.Value.MaxMs)} ms");
        figures.Add("failed tools/call (retried as new calls)", report.FailedCreations.Count.ToString(CultureInfo.InvariantCulture));
        figures.Add("tasks listed that no tools/call answered", string.Join(", ", ChaosChecks.Unacknowledged(report).Select(t => $"{t.TaskId} {t.Status}")));
        figures.Add("probes by mallory", $"{report.Probes.Count}, not found {report.Probes.NotFound}, retryable errors {report.Probes.Errors.Count}, leaks {report.Probes.Leaks.Count}");
        figures.Latencies(report);
        figures.Errors(report);
        AssertNoProblems(problems, client, cluster);
    }

    /// <summary>The ids of the tasks whose records are in Redis (the record key ends with the grain key, <c>scope/task-id</c>).</summary>
    private static async Task<HashSet<string>> StoredTaskIdsAsync(string redis)
    {
        var options = ConfigurationOptions.Parse(redis);
        options.AllowAdmin = true;
        await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var key in connection.GetServers()[0].KeysAsync(pattern: "ta:v1:*:state:task:*", pageSize: 1000))
        {
            var text = key.ToString();
            ids.Add(text[(text.LastIndexOf('/') + 1)..]);
        }

        return ids;
    }
}
