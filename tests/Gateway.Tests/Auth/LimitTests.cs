using System.Text.Json.Nodes;
using TaskActors.Gateway.Tests.Fixtures;
using TaskActors.Gateway.Tests.Infrastructure;
using TaskActors.Gateway.Tests.Tasks;
using TaskActors.TestKit;
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
    public async Task ConcurrentTaskLimit_CoversEverySessionOfOneAuthenticatedUser()
    {
        using var tokens = new TokenFixture();
        var settings = tokens.Settings();
        settings["TaskActors:Tasks:MaxConcurrentTasksPerRequestor"] = "1";
        await using var host = await StartAsync(settings);
        var first = await ResourceServerTests.ConnectWithTokenAsync(host, tokens.Mint("demo", "alice"));
        var second = await ResourceServerTests.ConnectWithTokenAsync(host, tokens.Mint("demo", "alice"));
        var bob = await ResourceServerTests.ConnectWithTokenAsync(host, tokens.Mint("demo", "bob"));
        var gate = NewGate();
        await first.StartGatedTaskAsync(gate, TestCancellation);

        var refused = await second.RequestAsync("tools/call", WaitTask(), TestCancellation);
        var bobs = await bob.RequestAsync("tools/call", WaitTask(), TestCancellation);
        TestGates.Open(gate);

        Assert.NotEqual(first.SessionId, second.SessionId);
        Assert.Equal(-32051, refused.ErrorCode);
        Assert.Contains("at most 1", refused.ErrorMessage, StringComparison.Ordinal);
        Assert.False(bobs.IsError, bobs.Response.GetRawText());
    }

    [Fact]
    public async Task TaskCreations_AreRateLimitedPerRequestor_SayingWhenToRetry_AndARefusedCallCreatesNothing()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await GatewayTestHost.StartCoHostedAsync(LoggerProvider, new Dictionary<string, string?> { ["TaskActors:Tasks:MaxTaskCreationsPerSecond"] = "1" }, clock);
        var client = await ConnectAsync(host);
        var admitted = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            admitted.Add((await client.CreateTaskAsync("wait", new JsonObject { ["milliseconds"] = 1 }, 60_000, TestCancellation)).Id());
        }

        var refused = await client.RequestAsync("tools/call", WaitTask(), TestCancellation);
        var listed = (await client.RequestAsync("tasks/list", null, TestCancellation)).Result.GetProperty("tasks").EnumerateArray().Select(t => t.Id()).ToList();
        clock.Advance(TimeSpan.FromMilliseconds(refused.Response.GetProperty("error").GetProperty("data").GetProperty("retryAfterMs").GetInt64()));
        var afterWaiting = await client.RequestAsync("tools/call", WaitTask(), TestCancellation);

        Assert.Equal(-32052, refused.ErrorCode);
        Assert.Equal(1000, refused.Response.GetProperty("error").GetProperty("data").GetProperty("retryAfterMs").GetInt64());
        Assert.Equal(admitted.OrderBy(id => id, StringComparer.Ordinal), listed.OrderBy(id => id, StringComparer.Ordinal));
        Assert.False(afterWaiting.IsError, afterWaiting.Response.GetRawText());
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

    private static JsonObject WaitTask() =>
        new() { ["name"] = "wait", ["arguments"] = new JsonObject { ["milliseconds"] = 1 }, ["task"] = new JsonObject() };
}
