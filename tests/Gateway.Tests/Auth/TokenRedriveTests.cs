using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaskActors.Gateway.Tests.Fixtures;
using TaskActors.Gateway.Tests.Infrastructure;
using TaskActors.Gateway.Tests.Sessions;
using TaskActors.Gateway.Tests.Tasks;
using TaskActors.Gateway.Tests.Tools;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.Gateway.Tests.Auth;

public sealed class TokenRedriveTests : GatewayTest
{
    [Fact]
    public async Task TaskReDrivenOnASurvivor_DecryptsTheTokenThere_AndItsToolSeesTheSameIdentity()
    {
        using var tokens = new TokenFixture();
        var settings = ClusterGatewayTests.FastMembership();
        foreach (var (name, value) in tokens.Settings())
        {
            settings[name] = value;
        }

        settings["TaskActors:TokenProtection:CurrentKeyId"] = "key1";
        settings["TaskActors:TokenProtection:Keys:key1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var host = await GatewayTestHost.StartClusterAsync(LoggerProvider, 3, settings);
        var token = tokens.Mint("demo", "alice", scopes: ["mcp:tools", "read"]);
        var client = await ResourceServerTests.ConnectWithTokenAsync(host, token);
        var gate = NewGate();
        var entered = TestGates.WhenEntered(gate);
        var task = await client.CreateTaskAsync("gated_whoami", new JsonObject { ["gate"] = gate }, 60_000, TestCancellation);
        var firstRun = await entered.WaitAsync(TestTimeouts.Default, TestCancellation);

        var (holder, _) = await SiloCrash.KillHolderAndAwaitReDriveAsync(host, client, "demo|alice", task.Id(), gate, TestCancellation);
        TestGates.Open(gate);
        var result = await client.TaskRequestAsync("tasks/result", task.Id(), TestCancellation);
        var seen = JsonDocument.Parse(ToolCallTests.Text(result.Result)).RootElement;

        Assert.Equal(token, firstRun.AccessToken?.Token);
        Assert.DoesNotContain(holder, host.Cluster!.Silos);
        Assert.Equal(token, seen.GetProperty("token").GetString());
        Assert.Equal("demo", seen.GetProperty("clientId").GetString());
        Assert.Equal("alice", seen.GetProperty("sub").GetString());
        Assert.Equal("demo|alice", seen.GetProperty("scope").GetString());
        Assert.Equal("mcp:tools read", seen.GetProperty("scopes").GetString());
    }
}
