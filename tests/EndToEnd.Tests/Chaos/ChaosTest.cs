using TaskActors.EndToEnd.Tests.Cluster;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.EndToEnd.Tests.Chaos;

/// <summary>
/// What the chaos cases share: a <see cref="LocalCluster"/> with the per-requestor limits lifted (one client drives
/// hundreds of tasks), dev tokens for the workload's users (alice, bob) and for the prober (mallory), and the failure
/// message that shows the problems with the client's and the processes' output.
/// </summary>
[Collection(ClusterProcessTests.Name)]
public abstract class ChaosTest : LoggedTest
{
    /// <summary>The users whose tasks the workload runs.</summary>
    protected static readonly string[] Users = ["alice", "bob"];

    /// <summary>The user who probes their task ids.</summary>
    protected const string Prober = "mallory";

    private static readonly Dictionary<string, string> Settings = new(StringComparer.Ordinal)
    {
        // One test client runs hundreds of tasks per user; the limits are for real requestors.
        ["TaskActors__Tasks__MaxConcurrentTasksPerRequestor"] = "100000",
        ["TaskActors__Tasks__MaxTaskCreationsPerSecond"] = "100000",
        ["TaskActors__Gateway__TaskOperationsPerSecond"] = "1000000",

        // A line per HTTP request costs a 2-core machine more than the request; the audit lines the checks read stay.
        ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
    };

    /// <summary>The tokens minted by <see cref="StartClusterAsync"/>, by user.</summary>
    protected Dictionary<string, string> Tokens { get; } = new(StringComparer.Ordinal);

    /// <summary>Starts the cluster and mints a token for each user and the prober.</summary>
    protected async Task<LocalCluster> StartClusterAsync(int silos, int gateways, bool appendFsyncAlways = false)
    {
        var cluster = await LocalCluster.StartAsync(new LocalClusterOptions(silos, gateways) { AppendFsyncAlways = appendFsyncAlways, Settings = Settings }, TestCancellation);
        try
        {
            foreach (var user in Users.Append(Prober))
            {
                Tokens[user] = await cluster.MintAsync(user, TestCancellation);
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Two sessions per user, one on each of the first two gateways (or both on the one).</summary>
    protected IReadOnlyList<ChaosSession> SessionsOn(LocalCluster cluster) =>
        [.. Users.SelectMany(user => Enumerable.Range(0, 2).Select(i => new ChaosSession(user, Tokens[user], i % cluster.Gateways.Count)))];

    /// <summary>The prober, on <paramref name="gateway"/>, probing every <paramref name="interval"/>.</summary>
    protected ChaosProber ProberOn(int gateway, TimeSpan interval) => new(Prober, Tokens[Prober], [gateway], interval);

    /// <summary>
    /// Fails with every problem, the client's output and each process's last lines, and keeps every process's whole log
    /// and the client's report in a folder the message names; passes when there are none.
    /// </summary>
    protected static void AssertNoProblems(IReadOnlyCollection<string> problems, ChaosClient client, LocalCluster cluster)
    {
        if (problems.Count == 0)
        {
            return;
        }

        var logs = Path.Combine(Path.GetTempPath(), "taskactors-chaos-logs", $"{TestContext.Current.TestClass?.TestClassSimpleName ?? "chaos"}-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}");
        cluster.SaveLogs(logs);
        client.SaveTo(logs);
        Assert.Fail($"{problems.Count} problems:\n{string.Join('\n', problems.Take(60))}\n\nEvery process's log and the client's report: {logs}\n\nClient output (tail):\n{SiloLog.Tail(client.Output, 40)}\n\nProcesses:\n{cluster.Describe(30)}");
    }
}
