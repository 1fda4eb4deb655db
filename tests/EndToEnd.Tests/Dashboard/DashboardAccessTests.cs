using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;
using TaskActors.TestKit;
using TaskActors.TestKit.Orleans;
using Xunit;

namespace TaskActors.EndToEnd.Tests.Dashboard;

/// <summary>
/// Who the real Silo binary serves its dashboard to: nobody unless it is enabled, loopback clients only by default,
/// anyone with the configured credentials once they are set; and it refuses to start with half a configuration.
/// </summary>
public sealed class DashboardAccessTests : LoggedTest
{
    private const string Username = "operator";
    private const string Password = "correct-horse-battery-staple";

    [Fact]
    public async Task Dashboard_IsNotServed_WhenNotEnabled()
    {
        await using var silo = await SiloProcess.StartAsync(TestCancellation);
        using var http = new HttpClient { BaseAddress = new Uri(silo.McpUrl) };

        using var page = await http.GetAsync("/dashboard/", TestCancellation);
        using var api = await http.GetAsync("/dashboard/version", TestCancellation);
        using var health = await http.GetAsync("/health/live", TestCancellation);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.DoesNotContain("Orleans Dashboard", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_ChallengesForCredentials_WhenCredentialsAreConfigured()
    {
        await using var silo = await SiloProcess.StartAsync(TestCancellation, (_, environment) =>
        {
            environment["TaskActors__Dashboard__Enabled"] = "true";
            environment["TaskActors__Dashboard__Username"] = Username;
            environment["TaskActors__Dashboard__Password"] = Password;
        });
        using var http = new HttpClient { BaseAddress = new Uri(silo.McpUrl) };

        using var anonymous = await http.GetAsync("/dashboard/", TestCancellation);
        using var wrong = await GetAsync(http, "/dashboard/version", Basic(Username, "not-the-password"));
        using var right = await GetAsync(http, "/dashboard/", Basic(Username, Password));
        using var mcp = await http.GetAsync("/health/ready", TestCancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Basic", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("<title>Orleans Dashboard</title>", await right.Content.ReadAsStringAsync(TestCancellation), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, mcp.StatusCode);
    }

    [Fact]
    public async Task Dashboard_ServesLoopbackClientsOnly_WhenNoCredentialsAreConfigured()
    {
        var remote = NonLoopbackAddress();
        await using var silo = await SiloProcess.StartAsync(TestCancellation, (port, environment) =>
        {
            // Listen on every address, as a silo in a pod does; Kestrel's own endpoint setting replaces the test's --urls.
            environment["Kestrel__Endpoints__All__Url"] = $"http://0.0.0.0:{port.ToString(CultureInfo.InvariantCulture)}";
            environment["TaskActors__Dashboard__Enabled"] = "true";
        });
        var port = new Uri(silo.McpUrl).Port;
        using var http = new HttpClient();

        using var local = await http.GetAsync(new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/dashboard/"), TestCancellation);
        using var fromElsewhere = await http.GetAsync(new Uri($"http://{remote}:{port.ToString(CultureInfo.InvariantCulture)}/dashboard/"), TestCancellation);
        using var healthFromElsewhere = await http.GetAsync(new Uri($"http://{remote}:{port.ToString(CultureInfo.InvariantCulture)}/health/live"), TestCancellation);

        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, fromElsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.OK, healthFromElsewhere.StatusCode);
    }

    [Fact]
    public async Task Silo_RefusesToStart_WhenDashboardCredentialsAreIncomplete()
    {
        var ports = FreePorts.Take(3).Select(p => p.ToString(CultureInfo.InvariantCulture)).ToArray();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { RepositoryPaths.SiloDll, "--urls", $"http://127.0.0.1:{ports[0]}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(RepositoryPaths.SiloDll)!,
            Environment =
            {
                ["TaskActors__Cluster__SiloPort"] = ports[1],
                ["TaskActors__Cluster__GatewayPort"] = ports[2],
                ["TaskActors__Dashboard__Enabled"] = "true",
                ["TaskActors__Dashboard__Username"] = Username,
            },
        };

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestCancellation);
        var stderr = process.StandardError.ReadToEndAsync(TestCancellation);
        try
        {
            await process.WaitForExitAsync(TestCancellation).WaitAsync(TestTimeouts.Recovery, TestCancellation);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        var output = await stdout + await stderr;
        Assert.True(process.ExitCode != 0, $"The silo exited 0. Output:\n{output}");
        Assert.Contains("TaskActors:Dashboard:Password must have at least 12 characters", output, StringComparison.Ordinal);
    }

    private static AuthenticationHeaderValue Basic(string username, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));

    private static async Task<HttpResponseMessage> GetAsync(HttpClient http, string path, AuthenticationHeaderValue authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = authorization;
        return await http.SendAsync(request, TestCancellation);
    }

    // An address of this machine that is not loopback, so a request to it reaches the silo from "elsewhere".
    private static IPAddress NonLoopbackAddress() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
        ?? throw new InvalidOperationException("This machine has no non-loopback IPv4 address to reach the silo from, so the test cannot tell a remote client from a local one.");
}
