using TaskActors.TestKit;
using Xunit;

namespace TaskActors.EndToEnd.Tests;

/// <summary>The real Silo binary, driven over HTTP by the official TypeScript SDK client and the official conformance suite.</summary>
public sealed class OfficialClientTests : LoggedTest
{
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
        await using var silo = await SiloProcess.StartAsync(TestCancellation);
        var cli = Path.Combine(RepositoryPaths.E2eDirectory, "node_modules", "@modelcontextprotocol", "conformance", "dist", "index.js");

        var (exitCode, output) = await NodeScript.RunAsync([cli, "server", "--url", silo.McpUrl, "--suite", "all"], TimeSpan.FromMinutes(5), TestCancellation);

        Output.WriteLine(output);
        var summary = output.Split('\n').LastOrDefault(line => line.StartsWith("Total: ", StringComparison.Ordinal));
        Assert.True(exitCode == 0 && summary is not null && summary.TrimEnd().EndsWith(", 0 failed", StringComparison.Ordinal), $"conformance failed (exit {exitCode}, {summary ?? "no summary"}):\n{output}\nSilo output:\n{silo.Output}");
    }
}
