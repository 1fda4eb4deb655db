using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using TaskActors.TestKit;
using TaskActors.TestKit.Redis;
using Xunit;

namespace TaskActors.EndToEnd.Tests.Dashboard;

/// <summary>
/// The operator's view of a running cluster: two real Silo processes on a real <c>redis-server</c>, with the Orleans
/// Dashboard on, running MCP tasks, and the dashboard opened in a real headless browser.
/// </summary>
public sealed class DashboardClusterTests : LoggedTest
{
    private const string TaskGrainType = "TaskActors.Grains.Tasks.TaskGrain";
    private static readonly TimeSpan ScriptTime = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Dashboard_ShowsBothSilosAndTheTaskGrains_InAHeadlessBrowser()
    {
        HeadlessChromium.FindBinary();
        await using var redis = await RedisServer.StartAsync(cancellationToken: TestCancellation);
        var tokenKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        void Configure(int port, IDictionary<string, string?> environment)
        {
            environment["TaskActors__Cluster__Redis"] = redis.ConnectionString;
            environment["TaskActors__TokenProtection__CurrentKeyId"] = "cluster";
            environment["TaskActors__TokenProtection__Keys__cluster"] = tokenKey;
            environment["TaskActors__Dashboard__Enabled"] = "true";
        }

        await using var first = await SiloProcess.StartAsync(TestCancellation, Configure);
        await using var second = await SiloProcess.StartAsync(TestCancellation, Configure);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await WaitReadyAsync(http, first);
        await WaitReadyAsync(http, second);
        foreach (var silo in new[] { first, second })
        {
            await StartTasksAsync(http, silo.McpUrl, count: 2);
        }

        var dashboard = new Uri(first.McpUrl).GetLeftPart(UriPartial.Authority) + "/dashboard/";
        var silos = await WaitForPageAsync(
            dashboard + "#/silos",
            dom => dom.Contains(SiloAddress(first), StringComparison.Ordinal) && dom.Contains(SiloAddress(second), StringComparison.Ordinal),
            $"the Silos page lists {SiloAddress(first)} and {SiloAddress(second)}",
            first,
            second);
        var grains = await WaitForPageAsync(
            dashboard + "#/grains",
            dom => dom.Contains($"title=\"{TaskGrainType}\"", StringComparison.Ordinal),
            $"the Grains page lists {TaskGrainType}",
            first,
            second);

        Assert.Contains("Active Silos", silos, StringComparison.Ordinal);
        Assert.Contains("TaskScopeGrain", grains, StringComparison.Ordinal);
        foreach (var page in new[] { "silos", "grains" })
        {
            // docs/images/dashboard*.png are these screenshots.
            var screenshot = Path.Combine(AppContext.BaseDirectory, $"dashboard-{page}.png");
            await HeadlessChromium.ScreenshotAsync($"{dashboard}#/{page}", screenshot, 1280, 660, ScriptTime, TestCancellation);
            Output.WriteLine($"Screenshot of the dashboard's {page} page: {screenshot}");
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, (await File.ReadAllBytesAsync(screenshot, TestCancellation))[..4]);
        }
    }

    // How the dashboard writes a silo's address: host:port@generation.
    private static string SiloAddress(SiloProcess silo) => $"127.0.0.1:{silo.SiloPort.ToString(CultureInfo.InvariantCulture)}@";

    private static Task WaitReadyAsync(HttpClient http, SiloProcess silo) =>
        Eventually.WaitUntilAsync(
            async () =>
            {
                using var response = await http.GetAsync(new Uri(new Uri(silo.McpUrl), "/health/ready"), TestCancellation);
                return response.IsSuccessStatusCode;
            },
            $"the silo of pid {silo.Pid} answers /health/ready",
            TestTimeouts.Recovery,
            TestCancellation);

    // initialize, then tools/call slow_echo as tasks that keep working while the dashboard is looked at.
    private static async Task StartTasksAsync(HttpClient http, string mcpUrl, int count)
    {
        using var initialize = await PostAsync(http, mcpUrl, null, """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"dashboard-test","version":"1"}}}""");
        var session = initialize.Headers.GetValues("Mcp-Session-Id").Single();
        for (var i = 0; i < count; i++)
        {
            var toolCall = new JsonObject
            {
                ["jsonrpc"] = "2.0",
                ["id"] = i + 2,
                ["method"] = "tools/call",
                ["params"] = new JsonObject
                {
                    ["name"] = "slow_echo",
                    ["arguments"] = new JsonObject { ["text"] = "dashboard", ["seconds"] = 60 },
                    ["task"] = new JsonObject { ["ttl"] = 120_000 },
                },
            };
            using var call = await PostAsync(http, mcpUrl, session, toolCall.ToJsonString());
            var body = await call.Content.ReadAsStringAsync(TestCancellation);
            Assert.True(body.Contains("\"taskId\"", StringComparison.Ordinal), $"tools/call as a task answered: {body}");
        }
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string mcpUrl, string? session, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, mcpUrl) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (session is not null)
        {
            request.Headers.Add("Mcp-Session-Id", session);
            request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        }

        var response = await http.SendAsync(request, TestCancellation);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(TestCancellation);
            response.Dispose();
            throw new InvalidOperationException($"POST {mcpUrl} {json} answered {(int)response.StatusCode}: {body}");
        }

        return response;
    }

    // The dashboard learns of a silo and of new activations on its next poll: render the page until it shows them.
    private async Task<string> WaitForPageAsync(string url, Func<string, bool> shows, string description, SiloProcess first, SiloProcess second)
    {
        var dom = string.Empty;
        try
        {
            await Eventually.WaitUntilAsync(
                async () =>
                {
                    dom = await HeadlessChromium.DumpDomAsync(url, ScriptTime, TestCancellation);
                    return shows(dom);
                },
                description,
                TestTimeouts.Recovery,
                TestCancellation);
            return dom;
        }
        catch (TimeoutException)
        {
            Output.WriteLine($"Last DOM of {url}:\n{dom}\nFirst silo:\n{first.Output}\nSecond silo:\n{second.Output}");
            throw;
        }
    }
}
