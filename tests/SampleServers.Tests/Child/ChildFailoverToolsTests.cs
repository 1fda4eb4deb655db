using System.Text.Json;
using TaskActors.Grains.Abstractions.Tasks;
using TaskActors.SampleServers.Tests.Harness;
using Xunit;

namespace TaskActors.SampleServers.Tests.Child;

public sealed class ChildFailoverToolsTests : SampleServersTest
{
    [Fact]
    public async Task ChildSlowWhoAmI_RunsInTheChildServer_AndReportsItAfterItsSeconds()
    {
        var clock = new SignalingTimeProvider();
        await using var host = await StartHostAsync(clock);
        var call = new ToolCall("child_slow_whoami")
        {
            Arguments = """{"seconds":1.5}""",
            IsBackgroundTask = true,
            Scope = TaskScopes.ForToken("app", "bob"),
            AccessToken = new AccessTokenSnapshot { Token = "t", ClientId = "app", Subject = "bob", ExpiresAt = DateTimeOffset.UtcNow.AddHours(1) },
        };

        var run = host.CallToolResultAsync(call, cancellationToken: TestCancellation);
        Assert.Equal(TimeSpan.FromSeconds(1.5), await clock.NextTimerAsync(TestCancellation));
        clock.Advance(TimeSpan.FromSeconds(1.5));
        var report = JsonElement.Parse((await run).SingleText());

        var whoami = report.GetProperty("whoami");
        Assert.Equal("samples/child", whoami.GetProperty("serverPath").GetString());
        Assert.Equal("child", whoami.GetProperty("serverName").GetString());
        Assert.Equal(call.TaskId, whoami.GetProperty("taskId").GetString());
        Assert.Equal("app|bob", whoami.GetProperty("scope").GetString());
        Assert.Equal("bob", whoami.GetProperty("sub").GetString());
        Assert.True(whoami.GetProperty("hasAccessToken").GetBoolean());
        Assert.Equal(JsonValueKind.Null, whoami.GetProperty("lifespan").ValueKind);
    }
}
