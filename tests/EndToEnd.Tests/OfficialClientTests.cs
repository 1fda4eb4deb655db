using System.Diagnostics;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.EndToEnd.Tests;

/// <summary>The real Silo binary, driven over HTTP by the official TypeScript SDK client and the official conformance suite.</summary>
public sealed class OfficialClientTests : LoggedTest
{
    /// <summary>
    /// Scored scenarios of conformance 0.2.0-alpha.12 <c>--requirements 2026-07-28</c> the server passes. It speaks only
    /// 2025-11-25 today; each slice of issue 10 (2026-07-28 and the tasks extension) raises this, up to all 37.
    /// </summary>
    private const int Scored20260728Passing = 1;

    private const int Scored20260728Total = 37;

    [Fact]
    public async Task TypeScriptSdkClient_DrivesEveryTaskFlow()
    {
        await using var silo = await SiloProcess.StartAsync(TestCancellation);

        var (exitCode, output) = await NodeScript.RunAsync(["tasks-client.mjs", silo.McpUrl], TimeSpan.FromMinutes(3), TestCancellation);

        Output.WriteLine(output);
        Assert.True(exitCode == 0 && output.Contains("ALL OK", StringComparison.Ordinal), $"tasks-client.mjs failed (exit {exitCode}):\n{output}\nSilo output:\n{silo.Output}");
    }

    [Fact]
    public async Task ConformanceSuite_PassesEveryServerScenario()
    {
        var run = await RunConformanceAsync("0.1.16 --suite all", Path.Combine("@modelcontextprotocol", "conformance"), ["--suite", "all"]);

        Output.WriteLine($"FIGURE conformance 0.1.16 --suite all | scenarios passed {run.Summary.Scenarios.Count(s => s.Passed)} of {run.Summary.Scenarios.Count}");
        Assert.True(run.ExitCode == 0 && run.Summary.ChecksFailed == 0, run.Failure);
    }

    [Fact]
    public async Task ConformanceSuiteNext_Requirements20251125_PassesWithNoFailure()
    {
        var run = await RunConformanceAsync("2025-11-25", "conformance-next", ["--requirements", "2025-11-25"]);

        Assert.True(run.ExitCode == 0 && run.Summary.ChecksFailed == 0 && run.Summary.Scored.Count > 0, run.Failure);
    }

    [Fact]
    public async Task ConformanceSuiteNext_Requirements20260728_KeepsItsScore()
    {
        var run = await RunConformanceAsync("2026-07-28", "conformance-next", ["--requirements", "2026-07-28"]);

        Assert.True(run.Summary.Scored.Count == Scored20260728Total, $"expected {Scored20260728Total} scored scenarios.\n{run.Failure}");
        Assert.True(run.Summary.ScoredPassed >= Scored20260728Passing, $"expected at least {Scored20260728Passing} scored scenarios passed.\n{run.Failure}");
    }

    /// <summary>
    /// Runs a conformance CLI (<c>tests/e2e/node_modules/&lt;package&gt;</c>) against a fresh silo and prints its output and
    /// totals: <c>FIGURE conformance &lt;name&gt; | ...</c> lines, the scored ones only under <c>--requirements</c>.
    /// </summary>
    private async Task<ConformanceRun> RunConformanceAsync(string name, string package, string[] selection)
    {
        await using var silo = await SiloProcess.StartAsync(TestCancellation);
        var cli = Path.Combine(RepositoryPaths.E2eDirectory, "node_modules", package, "dist", "index.js");

        var clock = Stopwatch.StartNew();
        var (exitCode, output) = await NodeScript.RunAsync([cli, "server", "--url", silo.McpUrl, .. selection], TestTimeouts.WholeTest, TestCancellation);
        var seconds = clock.Elapsed.TotalSeconds;

        Output.WriteLine(output);
        var summary = ConformanceSummary.Parse(output);
        Assert.True(summary is not null, $"conformance {name} printed no summary (exit {exitCode}):\n{output}\nSilo output:\n{silo.Output}");
        var failing = string.Join(", ", summary.Failing);
        if (selection.Contains("--requirements"))
        {
            Output.WriteLine($"FIGURE conformance {name} | scored passed {summary.ScoredPassed} of {summary.Scored.Count}");
            Output.WriteLine($"FIGURE conformance {name} | scored passing: {string.Join(", ", summary.Scored.Where(s => s.Passed).Select(s => s.Name))}");
        }

        Output.WriteLine($"FIGURE conformance {name} | checks {summary.ChecksPassed} passed, {summary.ChecksFailed} failed; exit {exitCode}; {seconds:F0} s");
        Output.WriteLine($"FIGURE conformance {name} | scenarios failing: {(failing.Length == 0 ? "none" : failing)}");
        return new ConformanceRun(exitCode, summary, $"conformance {name} (exit {exitCode}, checks {summary.ChecksPassed} passed, {summary.ChecksFailed} failed; failing: {failing}):\n{output}\nSilo output:\n{silo.Output}");
    }

    private sealed record ConformanceRun(int ExitCode, ConformanceSummary Summary, string Failure);
}
