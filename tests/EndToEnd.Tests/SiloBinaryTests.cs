using TaskActors.TestKit;
using Xunit;

namespace TaskActors.EndToEnd.Tests;

/// <summary>The real Silo binary as an orchestrator sees it: the URL it prints and its health probes.</summary>
public sealed class SiloBinaryTests : LoggedTest
{
    [Fact]
    public async Task Probes_AnswerHealthy_OnceTheSiloPrintsItsEndpoint()
    {
        await using var silo = await SiloProcess.StartAsync(TestCancellation);
        using var http = new HttpClient { BaseAddress = new Uri(silo.McpUrl) };

        using var live = await http.GetAsync("/health/live", TestCancellation);
        using var ready = await http.GetAsync("/health/ready", TestCancellation);

        Assert.Equal(System.Net.HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(TestCancellation));
        Assert.Matches(@"^http://127\.0\.0\.1:\d+/mcp$", silo.McpUrl);
    }
}
