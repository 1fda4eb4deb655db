using System.Text.Json;
using System.Text.Json.Nodes;
using TaskActors.Gateway.Tests.Fixtures;
using TaskActors.Gateway.Tests.Infrastructure;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.Gateway.Tests.Tools;

public sealed class ToolCallTests : GatewayTest
{
    [Fact]
    public async Task ToolsList_ShowsEveryToolWithTaskSupport_On2025_11_25()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        var tools = (await client.RequestAsync("tools/list", null, TestCancellation)).Result.GetProperty("tools").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);

        Assert.Contains("kid_where", tools.Keys);
        Assert.All(tools.Values, t =>
        {
            Assert.False(string.IsNullOrEmpty(t.GetProperty("description").GetString()));
            Assert.Equal("object", t.GetProperty("inputSchema").GetProperty("type").GetString());
        });
        Assert.Equal("forbidden", tools["echo"].GetProperty("execution").GetProperty("taskSupport").GetString());
        Assert.Equal("optional", tools["wait"].GetProperty("execution").GetProperty("taskSupport").GetString());
        Assert.Equal("required", tools["job"].GetProperty("execution").GetProperty("taskSupport").GetString());
    }

    [Fact]
    public async Task ToolsList_HasNoExecution_BeforeTasksExisted()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host, "2025-06-18");

        var tools = (await client.RequestAsync("tools/list", null, TestCancellation)).Result.GetProperty("tools");

        Assert.All(tools.EnumerateArray(), t => Assert.False(t.TryGetProperty("execution", out _)));
    }

    [Fact]
    public async Task ToolsList_PagesWithOpaqueCursors_AndRejectsForgedOnes()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["TaskActors:Gateway:PageSize"] = "3" });
        var client = await ConnectAsync(host);

        var names = new List<string>();
        string? cursor = null;
        do
        {
            var page = (await client.RequestAsync("tools/list", cursor is null ? null : new JsonObject { ["cursor"] = cursor }, TestCancellation)).Result;
            var tools = page.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToList();
            Assert.InRange(tools.Count, 1, 3);
            names.AddRange(tools);
            cursor = page.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
        }
        while (cursor is not null);

        var forged = await client.RequestAsync("tools/list", new JsonObject { ["cursor"] = "p1.OTk5" }, TestCancellation);
        Assert.Equal(names.Distinct().Count(), names.Count);
        Assert.Contains("echo", names);
        Assert.Equal(-32602, forged.ErrorCode);
    }

    [Fact]
    public async Task Call_ReturnsTheToolResult()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        var echo = await client.RequestAsync("tools/call", Call("echo", new JsonObject { ["text"] = "hi there" }), TestCancellation);
        var add = await client.RequestAsync("tools/call", Call("add", new JsonObject { ["a"] = 40, ["b"] = 2 }), TestCancellation);

        Assert.Equal("hi there", Text(echo.Result));
        Assert.Equal("42", Text(add.Result));
    }

    [Fact]
    public async Task Call_OfAMountedChild_RunsInTheChildServer()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        var result = await client.RequestAsync("tools/call", Call("kid_where", null), TestCancellation);

        Assert.Equal("samples/kid", Text(result.Result));
    }

    [Theory]
    [InlineData("""{"name":"nope","arguments":{}}""", -32602)]
    [InlineData("""{"name":"add","arguments":{"a":1}}""", -32602)]
    [InlineData("""{"name":"add","arguments":{"a":"one","b":2}}""", -32602)]
    [InlineData("""{"name":"add","arguments":[1,2]}""", -32602)]
    [InlineData("""{"arguments":{}}""", -32602)]
    [InlineData("""{"name":"job","arguments":{}}""", -32601)]
    [InlineData("""{"name":"echo","arguments":{"text":"x"},"task":{"ttl":1000}}""", -32601)]
    [InlineData("""{"name":"wait","arguments":{"milliseconds":1},"task":{"ttl":-5}}""", -32602)]
    public async Task Call_IsRefusedBeforeAnythingRuns_WhenTheCallIsWrong(string parameters, int code)
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        var result = await client.RequestAsync("tools/call", JsonNode.Parse(parameters), TestCancellation);

        Assert.Equal(code, result.ErrorCode);
        var tasks = await client.RequestAsync("tasks/list", null, TestCancellation);
        Assert.Empty(tasks.Result.GetProperty("tasks").EnumerateArray());
    }

    [Fact]
    public async Task Call_InvalidArguments_NamesEveryViolation()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        var result = await client.RequestAsync("tools/call", Call("add", new JsonObject { ["a"] = 1.5 }), TestCancellation);

        Assert.Equal(-32602, result.ErrorCode);
        Assert.Contains("\"b\"", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(2, result.Response.GetProperty("error").GetProperty("data").GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task Call_WithTaskParam_RunsPlainly_BeforeTasksExisted()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host, "2025-06-18");

        var job = await client.RequestAsync("tools/call", Call("job", null), TestCancellation);
        var echo = await client.RequestAsync("tools/call", new JsonObject { ["name"] = "echo", ["arguments"] = new JsonObject { ["text"] = "x" }, ["task"] = new JsonObject() }, TestCancellation);

        Assert.Equal("job done", Text(job.Result));
        Assert.Equal("x", Text(echo.Result));
    }

    [Fact]
    public async Task Call_StreamsProgressWithTheRequestsToken_AndLogs_BeforeTheResult()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);
        var parameters = Call("progress", null);
        parameters["_meta"] = new JsonObject { ["progressToken"] = "tok-1" };

        var result = await client.RequestAsync("tools/call", parameters, TestCancellation);

        var progress = result.Messages.Where(m => m.GetProperty("method").GetString() == "notifications/progress").ToList();
        Assert.Equal([1.0, 2.0, 3.0], progress.Select(p => p.GetProperty("params").GetProperty("progress").GetDouble()));
        Assert.All(progress, p => Assert.Equal("tok-1", p.GetProperty("params").GetProperty("progressToken").GetString()));
        Assert.Single(result.Messages, m => m.GetProperty("method").GetString() == "notifications/message");
        Assert.Equal("progressed", Text(result.Result));
    }

    [Fact]
    public async Task Call_DropsLogsBelowTheSessionsLevel()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);
        await client.RequestAsync("logging/setLevel", new JsonObject { ["level"] = "error" }, TestCancellation);

        var result = await client.RequestAsync("tools/call", Call("progress", null), TestCancellation);

        Assert.DoesNotContain(result.Messages, m => m.GetProperty("method").GetString() == "notifications/message");
    }

    [Fact]
    public async Task Call_ElicitsOnItsOwnStream_AndResumesWithTheAnswer()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);
        JsonElement? asked = null;
        client.OnRequest = request =>
        {
            asked = request;
            return new JsonObject { ["action"] = "accept", ["content"] = new JsonObject { ["name"] = "Ada" } };
        };

        var result = await client.RequestAsync("tools/call", Call("ask", null), TestCancellation);

        Assert.Equal("hello Ada", Text(result.Result));
        Assert.Equal("elicitation/create", asked!.Value.GetProperty("method").GetString());
        Assert.Equal("What is your name?", asked.Value.GetProperty("params").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Call_ThatThrows_IsAnErrorResultWithoutInternals()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        var result = await client.RequestAsync("tools/call", Call("boom", null), TestCancellation);

        Assert.True(result.Result.GetProperty("isError").GetBoolean());
        Assert.DoesNotContain("secret", Text(result.Result), StringComparison.Ordinal);
        Assert.Contains("boom", Text(result.Result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_SeesItsContext_AsAPlainCall()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        var result = await client.RequestAsync("tools/call", Call("whoami", null), TestCancellation);

        var who = JsonDocument.Parse(Text(result.Result)).RootElement;
        Assert.Equal("false", who.GetProperty("background").GetString());
        Assert.Equal(JsonValueKind.Null, who.GetProperty("taskId").ValueKind);
        Assert.Equal("anon", who.GetProperty("scope").GetString());
        Assert.Equal(client.SessionId, who.GetProperty("sessionId").GetString());
        Assert.Equal("fixture-lifespan", who.GetProperty("lifespan").GetString());
    }

    [Fact]
    public async Task CancelledNotification_CancelsARunningPlainCall()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);
        var gate = NewGate();
        var entered = TestGates.WhenEntered(gate);
        var cancelled = TestGates.WhenCancelled(gate);

        var body = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = "call-7", ["method"] = "tools/call", ["params"] = Call("gate", new JsonObject { ["gate"] = gate }) };
        using var stream = await client.PostAsync(body.ToJsonString(), cancellationToken: TestCancellation);
        await entered.WaitAsync(TestTimeouts.Default, TestCancellation);
        using var notified = await client.NotifyAsync("notifications/cancelled", new JsonObject { ["requestId"] = "call-7", ["reason"] = "changed my mind" }, TestCancellation);

        await cancelled.WaitAsync(TestTimeouts.Default, TestCancellation);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, notified.StatusCode);

        // The spec: a cancelled request gets no response. The call's stream ends without one.
        using var events = new SseReader(await stream.Content.ReadAsStreamAsync(TestCancellation));
        var messages = new List<string>();
        while (await events.ReadAsync(TestCancellation).WaitAsync(TestTimeouts.Default, TestCancellation) is { } sseEvent)
        {
            if (sseEvent.Data is { } data)
            {
                messages.Add(data.GetRawText());
            }
        }

        Assert.DoesNotContain(messages, m => m.Contains("\"call-7\"", StringComparison.Ordinal));
    }

    internal static JsonObject Call(string name, JsonObject? arguments) => new() { ["name"] = name, ["arguments"] = arguments ?? new JsonObject() };

    internal static string Text(JsonElement result) => result.GetProperty("content")[0].GetProperty("text").GetString()!;
}
