using System.Globalization;
using TaskActors.EndToEnd.Tests.Cluster;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.EndToEnd.Tests.Chaos;

/// <summary>
/// Case (a) of the chaos suite: one of three silos is SIGKILLed while 1,000 tasks run: long ones (25 s, some in the
/// mounted child server), input-requesting ones (answered by the client 5-25 s after their creation) and short ones
/// (0.1-1 s, still being created through the kill). Every task reaches exactly one terminal state (none lost, none stuck,
/// none completed twice); the killed silo's unfinished tasks are re-driven on the survivors with their original context
/// (task id, scope, session, token, mounted server), the survivors' own tasks are not disturbed, and the time from the
/// kill to the last re-driven run's start is measured (goal: 10 s). Failed requests, if any, said to retry.
/// </summary>
public sealed class SiloKillChaosTests : ChaosTest
{
    private const int LongTasks = 400;
    private const int ChildLongTasks = 100;
    private const int InputTasks = 200;
    private const int ShortTasks = 300;

    /// <summary>
    /// The most a re-driven run may start after the kill: the 10 s goal (death declared in about 4-5 s, the directory's
    /// 1 s lease, then the task's next poll) with room for a 2-core machine running 1,000 tasks, two gateways and the client.
    /// </summary>
    private static readonly TimeSpan ReDriveBound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SiloKill_EndsEveryTaskOnceAndReDrivesTheKilledSilosTasksWithTheirContext_WhenOneOfThreeSilosIsKilledUnderAThousandTasks()
    {
        await using var cluster = await StartClusterAsync(silos: 3, gateways: 2);
        var figures = new ChaosFigures(Output, "a silo kill");
        await using var client = ChaosClient.Start(new ChaosWorkload
        {
            Gateways = cluster.GatewayUrls,
            Sessions = SessionsOn(cluster),
            Prober = ProberOn(gateway: 1, TimeSpan.FromMilliseconds(200)),
            Initial =
            [
                ChaosTaskSpec.SlowWhoAmI(ChaosKinds.LongRun, 25, 25, count: LongTasks),
                ChaosTaskSpec.SlowWhoAmI(ChaosKinds.LongRun, 25, 25, count: ChildLongTasks, child: true),
                ChaosTaskSpec.AskUser(count: InputTasks),
            ],
            Stream = [ChaosTaskSpec.SlowWhoAmI(ChaosKinds.ShortRun, 0.1, 1, weight: 1)],
            StreamPerSecond = 30,
            StreamMax = ShortTasks,
            CreateConcurrency = 32,
            PollWorkers = 32,
            PollInterval = TimeSpan.FromSeconds(1),
            AnswerDelay = (TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(25)),
            Drain = TimeSpan.FromSeconds(100),
        });
        await client.WaitForInitialAsync(TestTimeouts.Recovery, TestCancellation);
        var initialAt = DateTimeOffset.UtcNow;
        await client.WaitForCreatedAsync(LongTasks + ChildLongTasks + InputTasks + (ShortTasks / 4), TestTimeouts.Default, TestCancellation);

        var silos = cluster.Silos.Select(silo => silo!).ToList();
        var victim = silos.MaxBy(silo => SiloLog.Created(silo.Output).Count)!;
        var survivors = silos.Where(silo => silo != victim).ToList();
        var killedAt = DateTimeOffset.UtcNow;
        await victim.KillAsync();
        var createdOnVictim = SiloLog.Created(victim.Output);
        var createdOnSurvivors = survivors.SelectMany(silo => SiloLog.Created(silo.Output)).ToHashSet(StringComparer.Ordinal);
        Output.WriteLine($"Killed {victim.Name} (pid {victim.Pid}) at {killedAt:HH:mm:ss.fff}, {ChaosFigures.Format(killedAt - initialAt)} after the initial tasks were all created; it had created {createdOnVictim.Count} tasks, the survivors {createdOnSurvivors.Count}.");

        var report = await client.WaitForReportAsync(TimeSpan.FromSeconds(170) - (DateTimeOffset.UtcNow - killedAt), TestCancellation);

        var redrives = survivors.SelectMany(silo => silo.Lines.Select(line => (line.At, Redrive: ChaosChecks.Redrive(line.Text), Silo: silo.Name)))
            .Where(r => r.Redrive is not null)
            .Select(r => (r.At, TaskId: r.Redrive!.Value.TaskId, r.Redrive.Value.Attempt, r.Silo))
            .ToList();
        var redriven = redrives.Select(r => r.TaskId).ToHashSet(StringComparer.Ordinal);
        var problems = ChaosChecks.Tasks(report);
        problems.AddRange(ChaosChecks.FinishedOnce(report, cluster.AllSiloProcesses));
        problems.AddRange(ChaosChecks.Probes(report, error => ChaosChecks.IsRetryable(error.Code, error.Message)));
        problems.AddRange(report.Errors.Where(e => !ChaosChecks.IsRetryable(e.Code, e.Message)).Select(e => $"a {e.Method} on gateway {e.Gateway} failed with a non-retryable error after {e.Ms} ms: {e.Code} {e.Message}"));
        problems.AddRange(report.HttpErrors.Where(e => e.Status != 503 || e.RetryAfter is null).Select(e => $"HTTP {e.Status} (Retry-After {e.RetryAfter ?? "none"}) to {e.Method} on gateway {e.Gateway}: {e.Body}"));
        problems.AddRange(redriven.Where(createdOnSurvivors.Contains).Select(id => $"task {id} was created on a survivor before the kill, yet re-driven: a survivor's task was disturbed"));
        problems.AddRange(ChaosChecks.Unacknowledged(report).Select(t => $"tasks/list shows task {t.TaskId} ({t.Status}) that no tools/call answered"));
        foreach (var task in report.Tasks)
        {
            if (ChaosChecks.RunOf(task) is not { } run)
            {
                continue;
            }

            if (victim.IsAddressOf(run.Silo) && task.LastUpdatedAt > killedAt)
            {
                problems.Add($"task {task.TaskId} completed at {task.LastUpdatedAt:HH:mm:ss.fff}, after the kill, on the killed silo");
            }

            if (redriven.Contains(task.TaskId) && (run.RunStartedAt < killedAt || !survivors.Any(s => s.IsAddressOf(run.Silo))))
            {
                problems.Add($"task {task.TaskId} was re-driven, but its result came from a run on {run.Silo} started at {run.RunStartedAt:HH:mm:ss.fff} (kill at {killedAt:HH:mm:ss.fff})");
            }

            if (redriven.Contains(task.TaskId) && run.RunStartedAt - killedAt > ReDriveBound)
            {
                problems.Add($"task {task.TaskId} resumed {ChaosFigures.Format(run.RunStartedAt - killedAt)} after the kill, past the {ReDriveBound.TotalSeconds} s bound");
            }
        }

        if (redriven.Count == 0)
        {
            problems.Add("no task was re-driven: the killed silo held none that were running");
        }

        var reDrivenRuns = report.Tasks.Where(t => redriven.Contains(t.TaskId)).Select(ChaosChecks.RunOf).OfType<(string? Silo, DateTimeOffset RunStartedAt)>().Select(r => r.RunStartedAt - killedAt).Order().ToList();
        var redriveLines = redrives.GroupBy(r => r.TaskId).Select(g => g.Min(r => r.At) - killedAt).Order().ToList();
        figures.Add("tasks", $"{report.Tasks.Count} ({string.Join(", ", report.Tasks.GroupBy(t => t.Kind).Select(g => $"{g.Count()} {g.Key}"))}), every one completed once");
        figures.Add("killed silo", $"{victim.Name}: had created {createdOnVictim.Count} tasks; re-driven on the survivors: {redriven.Count} ({string.Join(", ", report.Tasks.Where(t => redriven.Contains(t.TaskId)).GroupBy(t => t.Kind).Select(g => $"{g.Count()} {g.Key}"))})");
        if (redriveLines.Count > 0)
        {
            figures.Add("kill -> re-drive logged (first / median / last)", $"{ChaosFigures.Format(redriveLines[0])} / {ChaosFigures.Format(redriveLines[redriveLines.Count / 2])} / {ChaosFigures.Format(redriveLines[^1])}");
        }

        if (reDrivenRuns.Count > 0)
        {
            figures.Add("kill -> re-driven slow_whoami run started (first / median / last)", $"{ChaosFigures.Format(reDrivenRuns[0])} / {ChaosFigures.Format(reDrivenRuns[reDrivenRuns.Count / 2])} / {ChaosFigures.Format(reDrivenRuns[^1])} (goal: last <= 10 s)");
        }

        figures.Add("failed requests (all retryable)", $"{report.Errors.Count}: {string.Join(", ", report.Errors.GroupBy(e => $"{e.Method} {e.Code}").Select(g => $"{g.Count()} {g.Key}"))}");
        figures.Add("failed tools/call (retried as new calls)", report.FailedCreations.Count.ToString(CultureInfo.InvariantCulture));
        figures.Add("creations, kill to stop", $"{report.Tasks.Count(t => t.CreatedAt >= killedAt.ToUnixTimeMilliseconds())} short tasks acknowledged after the kill");
        figures.Add("probes by mallory", $"{report.Probes.Count}, not found {report.Probes.NotFound}, retryable errors {report.Probes.Errors.Count}, leaks {report.Probes.Leaks.Count}");
        figures.Latencies(report);
        figures.Errors(report);
        AssertNoProblems(problems, client, cluster);
    }
}
