using System.Text.Json;
using TaskActors.SampleServers.Tests.Harness;
using Xunit;

namespace TaskActors.SampleServers.Tests.Child;

public sealed class ChildToolsTests : SampleServersTest
{
    [Fact]
    public async Task ChildWhoAmI_RunsInTheChildServer_WithItsOwnPathAndNoLifespan()
    {
        await using var host = await StartHostAsync();
        var call = new ToolCall("child_whoami") { IsBackgroundTask = true };

        var result = await host.CallToolResultAsync(call, cancellationToken: TestCancellation);

        var report = JsonElement.Parse(result.SingleText());
        Assert.Equal("samples/child", report.GetProperty("serverPath").GetString());
        Assert.Equal("child", report.GetProperty("serverName").GetString());
        Assert.Equal(call.TaskId, report.GetProperty("taskId").GetString());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("lifespan").ValueKind);
    }
}
