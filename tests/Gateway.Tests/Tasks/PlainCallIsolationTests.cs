using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TaskActors.Gateway.Tests.Fixtures;
using TaskActors.Gateway.Tests.Infrastructure;
using TaskActors.Gateway.Tests.Tools;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.Gateway.Tests.Tasks;

/// <summary>
/// A plain (non-task) tools/call runs as a transient task whose internal id (<c>call-…</c>) travels in its SSE event
/// ids. That id is no task id: tasks/* answer it as an unknown task, and only the session that made the call may
/// resume its stream with Last-Event-ID; another session of the same scope (every anonymous session shares one) reads
/// nothing, running or finished.
/// </summary>
public sealed class PlainCallIsolationTests : GatewayTest
{
    [Fact]
    public async Task AnotherSession_CanNeitherReadAPlainCall_NorResumeItsStream_WhileItRunsOrOnceItFinished()
    {
        await using var host = await StartAsync();
        var owner = await ConnectAsync(host);
        var other = await ConnectAsync(host);
        var gate = NewGate();
        var entered = TestGates.WhenEntered(gate);

        var body = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = "plain-1", ["method"] = "tools/call", ["params"] = ToolCallTests.Call("gate", new JsonObject { ["gate"] = gate }) };
        using var stream = await owner.PostAsync(body.ToJsonString(), cancellationToken: TestCancellation);
        using var events = new SseReader(await stream.Content.ReadAsStreamAsync(TestCancellation));
        var eventId = (await events.ReadAsync(TestCancellation))!.Id!;
        await entered.WaitAsync(TestTimeouts.Default, TestCancellation);
        var callId = CallId(eventId);

        await AssertUnreadableAsync(other, callId, eventId);

        TestGates.Open(gate);
        var response = await ResponseAsync(events);

        Assert.Equal("opened", ToolCallTests.Text(response.GetProperty("result")));
        await AssertUnreadableAsync(other, callId, eventId);
        Assert.Equal(-32602, (await owner.TaskRequestAsync("tasks/get", callId, TestCancellation)).ErrorCode);
        Assert.Equal(-32602, (await owner.TaskRequestAsync("tasks/result", callId, TestCancellation)).ErrorCode);
    }

    [Fact]
    public async Task TheSessionThatMadeAPlainCall_ResumesItsStream_WithItsLastEventId()
    {
        await using var host = await StartAsync();
        var owner = await ConnectAsync(host);
        var gate = NewGate();
        var entered = TestGates.WhenEntered(gate);

        string eventId;
        using (var connection = new CancellationTokenSource())
        {
            var body = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = "plain-2", ["method"] = "tools/call", ["params"] = ToolCallTests.Call("gate", new JsonObject { ["gate"] = gate }) };
            using var stream = await owner.PostAsync(body.ToJsonString(), cancellationToken: connection.Token);
            using var reader = new SseReader(await stream.Content.ReadAsStreamAsync(TestCancellation));
            eventId = (await reader.ReadAsync(TestCancellation))!.Id!;
            await entered.WaitAsync(TestTimeouts.Default, TestCancellation);
            await connection.CancelAsync();
        }

        TestGates.Open(gate);
        using var resumed = await owner.GetStreamAsync(eventId, TestCancellation);
        using var events = new SseReader(await resumed.Content.ReadAsStreamAsync(TestCancellation));
        var response = await ResponseAsync(events);

        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Equal("plain-2", response.GetProperty("id").GetString());
        Assert.Equal("opened", ToolCallTests.Text(response.GetProperty("result")));
    }

    private static async Task AssertUnreadableAsync(McpHttpClient other, string callId, string eventId)
    {
        // A tasks/result or a resumed stream that found the call would block until it ends: bounded, to fail, not hang.
        var got = await other.TaskRequestAsync("tasks/get", callId, TestCancellation);
        var result = await other.TaskRequestAsync("tasks/result", callId, TestCancellation).WaitAsync(TestTimeouts.Default, TestCancellation);
        var cancelled = await other.TaskRequestAsync("tasks/cancel", callId, TestCancellation);
        using var resumed = await other.GetStreamAsync(eventId, TestCancellation).WaitAsync(TestTimeouts.Default, TestCancellation);
        var listed = await other.RequestAsync("tasks/list", null, TestCancellation);

        Assert.Equal(-32602, got.ErrorCode);
        Assert.Equal(-32602, result.ErrorCode);
        Assert.Equal(-32602, cancelled.ErrorCode);
        Assert.Equal(HttpStatusCode.NotFound, resumed.StatusCode);
        Assert.Empty(listed.Result.GetProperty("tasks").EnumerateArray());
    }

    /// <summary>Reads events until the call's response (a message with a result).</summary>
    private static async Task<JsonElement> ResponseAsync(SseReader events)
    {
        JsonElement response;
        do
        {
            response = (await events.ReadAsync(TestCancellation).WaitAsync(TestTimeouts.Default, TestCancellation))!.Data ?? default;
        }
        while (response.ValueKind != JsonValueKind.Object || !response.TryGetProperty("result", out _));

        return response;
    }

    /// <summary>The plain call's internal id, read from one of its event ids (<c>{kind}.{nonce}.{grain key}.…</c>).</summary>
    private static string CallId(string eventId)
    {
        var grainKey = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(eventId.Split('.')[2]));
        var callId = grainKey[(grainKey.LastIndexOf('/') + 1)..];
        Assert.StartsWith("call-", callId, StringComparison.Ordinal);
        return callId;
    }
}
