using System.Text.Json.Nodes;
using TaskActors.Gateway.Tests.Infrastructure;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.Gateway.Tests.Tasks;

/// <summary>
/// The quotas on what one requestor keeps until the ttl ends: how many tasks, and how many bytes of arguments and
/// results. A refused creation stores nothing, another requestor is not affected, and the quota frees when tasks expire.
/// </summary>
public sealed class TaskQuotaTests : GatewayTest
{
    private const long Ttl = 60_000;

    [Fact]
    public async Task KeptTasks_AreCappedPerRequestor_FinishedOnesIncluded_UntilTheirTtlEnds()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await GatewayTestHost.StartCoHostedAsync(LoggerProvider, new Dictionary<string, string?> { ["TaskActors:Tasks:MaxKeptTasksPerRequestor"] = "2" }, clock);
        var client = await ConnectAsync(host);
        var other = await ConnectAsync(host);
        var kept = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var task = await client.CreateTaskAsync("repeat", Repeat("a", 1), Ttl, TestCancellation);
            await client.WaitForTaskStatusAsync(task.Id(), "completed", TestCancellation);
            kept.Add(task.Id());
        }

        var refused = await client.RequestAsync("tools/call", RepeatTask("b", 1), TestCancellation);
        var listed = await ListAsync(client);
        var othersTask = await other.RequestAsync("tools/call", RepeatTask("c", 1), TestCancellation);
        clock.Advance(TimeSpan.FromMilliseconds(Ttl + 1));
        var afterExpiry = await client.RequestAsync("tools/call", RepeatTask("d", 1), TestCancellation);

        Assert.Equal(-32054, refused.ErrorCode);
        Assert.Contains("at most 2 tasks are kept", refused.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(kept.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.False(othersTask.IsError, othersTask.Response.GetRawText());
        Assert.False(afterExpiry.IsError, afterExpiry.Response.GetRawText());
    }

    [Fact]
    public async Task StoredBytes_CountArgumentsAndResultsOfKeptTasks_AndRefuseArgumentsThatWouldPassTheQuota()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await GatewayTestHost.StartCoHostedAsync(LoggerProvider, new Dictionary<string, string?> { ["TaskActors:Tasks:MaxStoredBytesPerRequestor"] = "4096" }, clock);
        var client = await ConnectAsync(host);

        // Small arguments, a result of 3,000 characters: the finished task holds about 3 KB of the 4 KB.
        var large = await client.CreateTaskAsync("repeat", Repeat("x", 3000), Ttl, TestCancellation);
        await client.WaitForTaskStatusAsync(large.Id(), "completed", TestCancellation);
        var tooLarge = await client.RequestAsync("tools/call", RepeatTask(new string('y', 2000), 1), TestCancellation);
        var small = await client.RequestAsync("tools/call", RepeatTask("z", 1), TestCancellation);
        var listed = await ListAsync(client);
        clock.Advance(TimeSpan.FromMilliseconds(Ttl + 1));
        var afterExpiry = await client.RequestAsync("tools/call", RepeatTask(new string('y', 2000), 1), TestCancellation);

        Assert.Equal(-32054, tooLarge.ErrorCode);
        Assert.Contains("at most 4096 bytes", tooLarge.ErrorMessage, StringComparison.Ordinal);
        Assert.False(small.IsError, small.Response.GetRawText());
        Assert.Equal(2, listed.Count);
        Assert.False(afterExpiry.IsError, afterExpiry.Response.GetRawText());
    }

    [Fact]
    public async Task AnArgumentsPayloadLargerThanTheWholeQuota_IsRefusedForAFreshRequestor()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["TaskActors:Tasks:MaxStoredBytesPerRequestor"] = "2048" });
        var client = await ConnectAsync(host);

        var refused = await client.RequestAsync("tools/call", RepeatTask(new string('y', 4000), 1), TestCancellation);
        var listed = await ListAsync(client);

        Assert.Equal(-32054, refused.ErrorCode);
        Assert.Empty(listed);
    }

    private static JsonObject Repeat(string text, int times) => new() { ["text"] = text, ["times"] = times };

    private static JsonObject RepeatTask(string text, int times) =>
        new() { ["name"] = "repeat", ["arguments"] = Repeat(text, times), ["task"] = new JsonObject { ["ttl"] = Ttl } };

    private static async Task<List<string>> ListAsync(McpHttpClient client) =>
        [.. (await client.RequestAsync("tasks/list", null, TestCancellation)).Result.GetProperty("tasks").EnumerateArray().Select(t => t.Id())];
}
