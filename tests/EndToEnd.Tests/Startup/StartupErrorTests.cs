using System.Globalization;
using System.Net;
using System.Net.Sockets;
using TaskActors.TestKit;
using TaskActors.TestKit.Orleans;
using Xunit;

namespace TaskActors.EndToEnd.Tests.Startup;

/// <summary>
/// The real binaries started with settings they cannot run with: each exits with code 1 and one message listing every
/// problem with its setting's configuration path, without a stack trace.
/// </summary>
public sealed class StartupErrorTests : LoggedTest
{
    [Fact]
    public async Task Silo_ListsEveryInvalidSetting_OfEveryOptionsType_AndExits1()
    {
        var exited = await RunSiloAsync(new Dictionary<string, string>
        {
            ["TaskActors__Gateway__PageSize"] = "0",
            ["TaskActors__Gateway__LongPollWait"] = "soon",
            ["TaskActors__Auth__Mode"] = "Bogus",
            ["TaskActors__Cluster__GatewayPort"] = "abc",
            ["TaskActors__Cluster__ServiceId"] = "a:b",
            ["TaskActors__Tasks__MaxAttempts"] = "0",
            ["TaskActors__TokenProtection__CurrentKeyId"] = "missing",
            ["TaskActors__Dashboard__Enabled"] = "maybe",
        });

        AssertListed(exited,
            "TaskActors:Gateway:PageSize 0 must be between 1 and 1000.",
            "TaskActors:Gateway:LongPollWait: 'soon' is not a valid TimeSpan.",
            "TaskActors:Auth:Mode: 'Bogus' is not a valid AuthMode (Anonymous, Jwt).",
            "TaskActors:Cluster:GatewayPort: 'abc' is not a valid Int32.",
            "TaskActors:Cluster:ServiceId must be a non-empty name",
            "TaskActors:Tasks:MaxAttempts 0 must be between 1 and 100.",
            "TaskActors:TokenProtection:CurrentKeyId 'missing' names no key",
            "TaskActors:Dashboard:Enabled: 'maybe' is not a valid Boolean.");
        Assert.Contains("could not start; fix these 8 problems", exited.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gateway_ListsEveryInvalidSetting_OfEveryOptionsType_AndExits1()
    {
        var exited = await ExitedProcess.RunAsync(ExitedProcess.GatewayDll, ["--urls", "http://127.0.0.1:0"], new Dictionary<string, string>
        {
            ["TaskActors__Gateway__AllowedOrigins__0"] = "not an origin",
            ["TaskActors__Auth__Mode"] = "Jwt",
            ["TaskActors__Auth__ClockSkew"] = "1.00:00:00",
            ["TaskActors__Cluster__ClientResponseTimeout"] = "later",
            ["TaskActors__Gateway__Drain__Delay"] = "00:00:30",
        }, TestCancellation);

        AssertListed(exited,
            "TaskActors:Gateway:AllowedOrigins entry 'not an origin' must be '*' or an absolute origin",
            "TaskActors:Auth:Issuer is required in Jwt mode",
            "TaskActors:Auth:Audience must be this server's absolute resource URI",
            "TaskActors:Auth:ClockSkew must be between 0 and 5 minutes.",
            "TaskActors:Cluster:ClientResponseTimeout: 'later' is not a valid TimeSpan.",
            "TaskActors:Gateway:Drain:Delay 00:00:30 must be between 0 and 00:00:08.");
    }

    [Fact]
    public async Task Silo_NamesItsHttpPort_WhenAnotherProcessHoldsIt()
    {
        using var holder = HoldFreePort();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        var exited = await RunSiloAsync(new Dictionary<string, string>(), $"http://127.0.0.1:{port}");

        AssertListed(exited, $"port {port} is already in use (setting urls, from --urls or ASPNETCORE_URLS: http://127.0.0.1:{port}).");
    }

    [Fact]
    public async Task Silo_NamesItsOrleansPort_WhenAnotherProcessHoldsIt()
    {
        using var holder = HoldFreePort();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        var exited = await RunSiloAsync(new Dictionary<string, string> { ["TaskActors__Cluster__SiloPort"] = port.ToString(CultureInfo.InvariantCulture) });

        AssertListed(exited, $"port {port} is already in use (the silo-to-silo port, setting TaskActors:Cluster:SiloPort).");
    }

    private static void AssertListed(ExitedProcess exited, params string[] problems)
    {
        Assert.True(exited.ExitCode == 1, $"Exit code {exited.ExitCode}, not 1. Output:\n{exited.Output}");
        foreach (var problem in problems)
        {
            Assert.True(exited.Output.Contains("  - " + problem, StringComparison.Ordinal), $"Not listed: {problem}\nOutput:\n{exited.Output}");
        }

        Assert.True(!exited.Output.Contains("   at ", StringComparison.Ordinal), $"A stack trace was printed:\n{exited.Output}");
    }

    // Each silo has Orleans ports of its own, so tests never collide on the defaults.
    private static Task<ExitedProcess> RunSiloAsync(Dictionary<string, string> settings, string? url = null)
    {
        var ports = FreePorts.Take(2);
        var environment = new Dictionary<string, string>
        {
            ["TaskActors__Cluster__SiloPort"] = ports[0].ToString(CultureInfo.InvariantCulture),
            ["TaskActors__Cluster__GatewayPort"] = ports[1].ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }

        return ExitedProcess.RunAsync(RepositoryPaths.SiloDll, ["--urls", url ?? "http://127.0.0.1:0"], environment, TestCancellation);
    }

    private static TcpListener HoldFreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }
}
