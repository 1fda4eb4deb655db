using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaskActors.Gateway.Tests.Fixtures;
using TaskActors.Gateway.Tests.Infrastructure;
using TaskActors.Gateway.Tests.Tasks;
using TaskActors.Gateway.Tests.Tools;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.Gateway.Tests.Http;

public sealed class StreamTests : GatewayTest
{
    [Fact]
    public async Task PostStream_OpensWithAPrimingEvent_On2025_11_25()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        var result = await client.RequestAsync("tools/call", ToolCallTests.Call("echo", new JsonObject { ["text"] = "x" }), TestCancellation);

        var priming = result.Events[0];
        Assert.Null(priming.Data);
        Assert.False(string.IsNullOrEmpty(priming.Id));
        Assert.Equal("1000", priming.Retry);
        Assert.All(result.Events, e => Assert.False(string.IsNullOrEmpty(e.Id)));
        Assert.Equal(result.Events.Count, result.Events.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public async Task PostStream_HasNoPrimingEvent_ForOlderVersions()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host, "2025-06-18");

        var result = await client.RequestAsync("tools/call", ToolCallTests.Call("echo", new JsonObject { ["text"] = "x" }), TestCancellation);

        Assert.All(result.Events, e => Assert.NotNull(e.Data));
    }

    [Fact]
    public async Task TasksResultStream_ResumesOnAGetWithLastEventId_AfterTheConnectionDropped()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);
        var gate = NewGate();
        var task = await client.StartGatedTaskAsync(gate, TestCancellation);

        string lastEventId;
        using (var connection = new CancellationTokenSource())
        {
            using var stream = await client.PostAsync($$$"""{"jsonrpc":"2.0","id":"result-1","method":"tasks/result","params":{"taskId":"{{{task.Id()}}}"}}""", cancellationToken: connection.Token);
            using var reader = new SseReader(await stream.Content.ReadAsStreamAsync(TestCancellation));
            lastEventId = (await reader.ReadAsync(TestCancellation))!.Id!;
            await connection.CancelAsync();
        }

        TestGates.Open(gate);
        using var resumed = await client.GetStreamAsync(lastEventId, TestCancellation);
        using var events = new SseReader(await resumed.Content.ReadAsStreamAsync(TestCancellation));
        JsonElement response;
        do
        {
            response = (await events.ReadAsync(TestCancellation).WaitAsync(TestTimeouts.Default, TestCancellation))!.Data ?? default;
        }
        while (response.ValueKind != JsonValueKind.Object || !response.TryGetProperty("result", out _));

        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Equal("result-1", response.GetProperty("id").GetString());
        Assert.Equal("opened", ToolCallTests.Text(response.GetProperty("result")));
        Assert.Equal(task.Id(), response.GetProperty("result").RelatedTaskId());
    }

    [Fact]
    public async Task LastEventId_OfAnotherScope_IsNotFound()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);
        var foreign = $"r.abc123.{Base64("someone|else/0123456789abcdef0123456789abcdef")}.{Base64("1")}.0.1";

        using var response = await client.GetStreamAsync(foreign, TestCancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string Base64(string text) => System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(text));
}
