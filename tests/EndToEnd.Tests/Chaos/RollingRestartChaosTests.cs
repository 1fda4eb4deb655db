using System.Globalization;
using TaskActors.EndToEnd.Tests.Cluster;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.EndToEnd.Tests.Chaos;

/// <summary>
/// Case (c) of the chaos suite: a graceful rolling restart under load. Three silos and two gateway processes; the client
/// keeps starting short, long and input-requesting tasks through both gateways while every silo in turn gets SIGTERM,
/// exits, is started again on its ports and becomes ready. A stopping silo hands its running tasks over (stored as
/// handed over, with a re-drive reminder due in 1 s), so no client sees any error, every task completes once with its
/// original context, and the other user's probes are all "not found".
/// </summary>
public sealed class RollingRestartChaosTests : ChaosTest
{
    /// <summary>The longest a silo may take to exit after SIGTERM (the host's shutdown timeout is 30 s).</summary>
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task RollingRestart_AnswersEveryRequestAndCompletesEveryTask_WhenEachSiloIsStoppedAndStartedInTurn()
    {
        await using var cluster = await StartClusterAsync(silos: 3, gateways: 2);
        var figures = new ChaosFigures(Output, "c rolling restart");
        await using var client = ChaosClient.Start(new ChaosWorkload
        {
            Gateways = cluster.GatewayUrls,
            Sessions = SessionsOn(cluster),
            Prober = ProberOn(gateway: 1, TimeSpan.FromMilliseconds(100)),
            Initial = [ChaosTaskSpec.SlowWhoAmI(ChaosKinds.LongRun, 10, 15, count: 30), ChaosTaskSpec.SlowWhoAmI(ChaosKinds.LongRun, 10, 15, count: 10, child: true), ChaosTaskSpec.AskUser(count: 10)],
            Stream =
            [
                ChaosTaskSpec.SlowWhoAmI(ChaosKinds.ShortRun, 0.1, 1, weight: 5),
                ChaosTaskSpec.SlowWhoAmI(ChaosKinds.LongRun, 5, 15, weight: 2),
                ChaosTaskSpec.SlowWhoAmI(ChaosKinds.LongRun, 5, 15, weight: 1, child: true),
                ChaosTaskSpec.AskUser(weight: 2),
            ],
            StreamPerSecond = 8,
            AnswerDelay = (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8)),
        });
        await client.WaitForInitialAsync(TestTimeouts.Recovery, TestCancellation);

        var restartBegan = DateTimeOffset.UtcNow;
        for (var slot = 0; slot < cluster.Silos.Count; slot++)
        {
            var silo = cluster.Silos[slot]!;
            var stopped = await silo.TerminateAsync(StopBound, TestCancellation);
            var starting = DateTimeOffset.UtcNow;
            var restarted = await cluster.StartSiloAsync(slot, TestCancellation);
            figures.Add($"{silo.Name}", $"SIGTERM -> exited {ChaosFigures.Format(stopped)} (exit code {silo.ExitCode}), started -> ready {ChaosFigures.Format(DateTimeOffset.UtcNow - starting)}; handed over {SiloLog.StoppedRuns(silo.Output).Count} runs");
            Output.WriteLine($"{silo.Name} (pid {silo.Pid}) stopped in {ChaosFigures.Format(stopped)}; restarted as pid {restarted.Pid}.");
        }

        figures.Seconds("whole rolling restart (3 silos)", DateTimeOffset.UtcNow - restartBegan);
        await client.StopAsync();
        var report = await client.WaitForReportAsync(TimeSpan.FromSeconds(150), TestCancellation);

        var problems = ChaosChecks.Tasks(report);
        problems.AddRange(ChaosChecks.FinishedOnce(report, cluster.AllSiloProcesses));
        problems.AddRange(ChaosChecks.Probes(report, _ => false));
        problems.AddRange(report.Errors.Select(e => $"client-visible error: {e.Method} on gateway {e.Gateway} after {e.Ms} ms: {e.Code} {e.Message}"));
        problems.AddRange(report.FailedCreations.Select(f => $"a tools/call of {f.Tool} failed: {f.Message}"));
        problems.AddRange(report.HttpErrors.Select(e => $"HTTP {e.Status} to {e.Method} on gateway {e.Gateway}: {e.Body}"));
        problems.AddRange(ChaosChecks.Unacknowledged(report).Select(t => $"tasks/list shows task {t.TaskId} ({t.Status}) that no tools/call answered"));
        problems.AddRange(cluster.Gateways.Where(g => g!.HasExited).Select(g => $"{g!.Name} exited"));
        if (!cluster.AllSiloProcesses.Any(silo => SiloLog.StoppedRuns(silo.Output).Count > 0))
        {
            problems.Add("no stopping silo handed a running task over: the restart did not happen under load");
        }

        var handedOver = cluster.AllSiloProcesses.Sum(silo => SiloLog.StoppedRuns(silo.Output).Count);
        var resumed = HandOverTimes(cluster);
        figures.Add("tasks", $"{report.Tasks.Count} ({string.Join(", ", report.Tasks.GroupBy(t => t.Kind).Select(g => $"{g.Count()} {g.Key}"))}), all completed once");
        figures.Add("runs handed over by stopping silos", handedOver.ToString(CultureInfo.InvariantCulture));
        if (resumed.Count > 0)
        {
            figures.Add("run stopped on the stopping silo -> re-driven on another (first / median / last)", $"{ChaosFigures.Format(resumed[0])} / {ChaosFigures.Format(resumed[resumed.Count / 2])} / {ChaosFigures.Format(resumed[^1])} ({resumed.Count} runs)");
        }

        figures.Add("client-visible errors", $"{report.Errors.Count} (HTTP errors {report.HttpErrors.Count}, failed tools/call {report.FailedCreations.Count}); SDK stream events {report.TransportEvents.Count}");
        figures.Add("probes of alice's and bob's tasks by mallory", $"{report.Probes.Count}, not found {report.Probes.NotFound}, leaks {report.Probes.Leaks.Count}");
        figures.Latencies(report);
        figures.Errors(report);
        AssertNoProblems(problems, client, cluster);
    }

    /// <summary>
    /// For each run a stopping silo stopped, how long until another silo started the task again (the first re-drive line
    /// after the stop, by the time each line reached the test), in order.
    /// </summary>
    private static List<TimeSpan> HandOverTimes(LocalCluster cluster)
    {
        var silos = cluster.AllSiloProcesses.ToList();
        var redrives = silos.SelectMany(silo => silo.Lines.Select(line => (Silo: silo, line.At, Redrive: ChaosChecks.Redrive(line.Text))))
            .Where(r => r.Redrive is not null)
            .ToLookup(r => r.Redrive!.Value.TaskId, StringComparer.Ordinal);
        var times = new List<TimeSpan>();
        foreach (var silo in silos)
        {
            foreach (var line in silo.Lines)
            {
                if (SiloLog.StoppedRuns(line.Text).FirstOrDefault() is { } stopped
                    && redrives[stopped.Key].Where(r => r.Silo != silo && r.At >= line.At).Select(r => r.At - line.At).OrderBy(t => t).FirstOrDefault() is { } after
                    && after > TimeSpan.Zero)
                {
                    times.Add(after);
                }
            }
        }

        times.Sort();
        return times;
    }
}
