using System.Globalization;
using TaskActors.EndToEnd.Tests.Cluster;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.EndToEnd.Tests.Chaos;

/// <summary>
/// Case (b) of the chaos suite: one of two gateway replicas is SIGKILLed under load. Gateways hold nothing: sessions and
/// tasks live in grains. So the sessions on the other replica see no error at all, and each session that was on the
/// killed one, once its requests fail to connect, moves to the other replica with the same session id, retries there,
/// and gets every result of its tasks, also of those it started through the killed replica.
/// </summary>
public sealed class GatewayKillChaosTests : ChaosTest
{
    [Fact]
    public async Task GatewayKill_LeavesTheOtherReplicasClientsUndisturbedAndMovesTheKilledOnesClientsOver_WhenAReplicaIsKilled()
    {
        await using var cluster = await StartClusterAsync(silos: 2, gateways: 2);
        var figures = new ChaosFigures(Output, "b gateway kill");
        var sessions = SessionsOn(cluster);
        await using var client = ChaosClient.Start(new ChaosWorkload
        {
            Gateways = cluster.GatewayUrls,
            Sessions = sessions,
            Prober = ProberOn(gateway: 1, TimeSpan.FromMilliseconds(100)),
            Initial = [ChaosTaskSpec.SlowWhoAmI(ChaosKinds.LongRun, 6, 12, count: 40), ChaosTaskSpec.SlowWhoAmI(ChaosKinds.LongRun, 6, 12, count: 10, child: true), ChaosTaskSpec.AskUser(count: 10)],
            Stream =
            [
                ChaosTaskSpec.SlowWhoAmI(ChaosKinds.ShortRun, 0.1, 1, weight: 5),
                ChaosTaskSpec.SlowWhoAmI(ChaosKinds.LongRun, 3, 8, weight: 2),
                ChaosTaskSpec.AskUser(weight: 2),
            ],
            StreamPerSecond = 8,
            AnswerDelay = (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8)),
            Failover = true,
        });
        await client.WaitForInitialAsync(TestTimeouts.Recovery, TestCancellation);
        await client.WaitForCreatedAsync(80, TestTimeouts.Default, TestCancellation);

        var victim = cluster.Gateways[0]!;
        var killedAt = DateTimeOffset.UtcNow;
        await victim.KillAsync();
        Output.WriteLine($"Killed {victim.Name} (pid {victim.Pid}) at {killedAt:HH:mm:ss.fff}.");
        await client.WaitForCreatedAsync(client.Created + 60, TestTimeouts.Default, TestCancellation);
        await client.StopAsync();
        var report = await client.WaitForReportAsync(TimeSpan.FromSeconds(120), TestCancellation);

        var startedOn = report.Sessions.Select((session, index) => (session.Name, sessions[index].Gateway)).ToDictionary(s => s.Name, s => s.Gateway, StringComparer.Ordinal);
        var onKilled = startedOn.Where(s => s.Value == 0).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var problems = ChaosChecks.Tasks(report);
        problems.AddRange(ChaosChecks.FinishedOnce(report, cluster.AllSiloProcesses));
        problems.AddRange(ChaosChecks.Probes(report, _ => false));
        problems.AddRange(report.Errors.Where(e => !onKilled.Contains(e.Session)).Select(e => $"session {e.Session}, on the surviving replica, saw an error: {e.Method} after {e.Ms} ms: {e.Code} {e.Message}"));
        problems.AddRange(report.Errors.Where(e => onKilled.Contains(e.Session) && e.Gateway != 0).Select(e => $"session {e.Session} saw an error on the surviving replica after moving there: {e.Method}: {e.Code} {e.Message}"));
        problems.AddRange(report.FailedCreations.Where(f => !onKilled.Contains(f.Session)).Select(f => $"a tools/call of {f.Tool} by {f.Session}, on the surviving replica, failed: {f.Message}"));
        problems.AddRange(report.HttpErrors.Select(e => $"HTTP {e.Status} to {e.Method} on gateway {e.Gateway}: {e.Body}"));
        problems.AddRange(onKilled.Where(name => !report.Failovers.Any(f => f.Session == name)).Select(name => $"session {name} never moved off the killed replica"));
        problems.AddRange(report.Sessions.Where(s => s.Gateway != 1).Select(s => $"session {s.Name} ended on gateway {s.Gateway}, not on the surviving replica"));
        problems.AddRange(ChaosChecks.Unacknowledged(report).Select(t => $"tasks/list shows task {t.TaskId} ({t.Status}) that no tools/call answered"));
        if (cluster.Gateways[1]!.HasExited || cluster.Silos.Any(s => s!.HasExited))
        {
            problems.Add("a process other than the killed gateway exited");
        }

        long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();
        var viaKilled = report.Tasks.Where(t => onKilled.Contains(report.Sessions[t.Session].Name) && t.CreatedAt < Ms(killedAt)).ToList();
        figures.Add("tasks", $"{report.Tasks.Count} ({string.Join(", ", report.Tasks.GroupBy(t => t.Kind).Select(g => $"{g.Count()} {g.Key}"))}), all completed once; {viaKilled.Count} created through the killed replica before the kill, every result read back through the other");
        figures.Add("sessions moved to the other replica", string.Join(", ", report.Failovers.Select(f => $"{f.Session} {ChaosFigures.Format(TimeSpan.FromMilliseconds(f.At - Ms(killedAt)))} after the kill")));
        figures.Add("errors seen by sessions on the killed replica (then retried on the other)", $"{report.Errors.Count(e => onKilled.Contains(e.Session))}: {string.Join(", ", report.Errors.Where(e => onKilled.Contains(e.Session)).GroupBy(e => $"{e.Method} {(e.Unreachable ? "unreachable" : e.Code?.ToString(CultureInfo.InvariantCulture))}").Select(g => $"{g.Count()} {g.Key}"))}");
        figures.Add("errors seen by sessions on the surviving replica", report.Errors.Count(e => !onKilled.Contains(e.Session)).ToString(CultureInfo.InvariantCulture));
        figures.Add("probes by mallory (on the surviving replica)", $"{report.Probes.Count}, not found {report.Probes.NotFound}, errors {report.Probes.Errors.Count}, leaks {report.Probes.Leaks.Count}");
        figures.Latencies(report);
        figures.Errors(report);
        AssertNoProblems(problems, client, cluster);
    }
}
