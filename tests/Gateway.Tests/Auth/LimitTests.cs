using System.Text.Json.Nodes;
using TaskActors.Gateway.Tests.Fixtures;
using TaskActors.Gateway.Tests.Tasks;
using Xunit;

namespace TaskActors.Gateway.Tests.Auth;

public sealed class LimitTests : GatewayTest
{
    [Fact]
    public async Task ConcurrentTasksPerRequestor_AreCapped_AndFreedWhenOneEnds()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["TaskActors:Tasks:MaxConcurrentTasksPerRequestor"] = "2" });
        var client = await ConnectAsync(host);
        var other = await ConnectAsync(host);
        var first = await client.StartGatedTaskAsync(NewGate(), TestCancellation);
        await client.StartGatedTaskAsync(NewGate(), TestCancellation);

        var refused = await client.RequestAsync("tools/call", new JsonObject { ["name"] = "wait", ["arguments"] = new JsonObject { ["milliseconds"] = 1 }, ["task"] = new JsonObject() }, TestCancellation);
        var otherRequestor = await other.CreateTaskAsync("wait", new JsonObject { ["milliseconds"] = 1 }, 60_000, TestCancellation);
        await client.TaskRequestAsync("tasks/cancel", first.Id(), TestCancellation);
        var afterCancel = await client.CreateTaskAsync("wait", new JsonObject { ["milliseconds"] = 1 }, 60_000, TestCancellation);

        Assert.Equal(-32051, refused.ErrorCode);
        Assert.Contains("at most 2", refused.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("working", otherRequestor.Status());
        Assert.Equal("working", afterCancel.Status());
    }

    [Fact]
    public async Task TaskOperations_AreRateLimitedPerRequestor()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["TaskActors:Gateway:TaskOperationsPerSecond"] = "2" });
        var client = await ConnectAsync(host);
        var other = await ConnectAsync(host);

        var results = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            var response = await client.RequestAsync("tasks/list", null, TestCancellation);
            results.Add(response.IsError ? response.ErrorCode : 0);
        }

        var others = await other.RequestAsync("tasks/list", null, TestCancellation);
        var ping = await client.RequestAsync("ping", null, TestCancellation);

        Assert.Contains(-32052, results);
        Assert.False(others.IsError);
        Assert.False(ping.IsError);
    }
}
