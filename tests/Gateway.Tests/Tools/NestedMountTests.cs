using System.Text.Json;
using System.Text.Json.Nodes;
using TaskActors.Gateway.Tests.Fixtures;
using TaskActors.Gateway.Tests.Infrastructure;
using TaskActors.Gateway.Tests.Tasks;
using Xunit;

namespace TaskActors.Gateway.Tests.Tools;

/// <summary>The "mounts" fixture server: a grandchild "a" mounted in "b" mounted in the root, each with a task-support default.</summary>
public sealed class NestedMountTests : GatewayTest
{
    private static readonly Dictionary<string, string?> ServeMounts = new() { ["TaskActors:Gateway:Server"] = FixtureServers.Mounts };

    [Fact]
    public async Task ToolsList_NamesNestedToolsWithEveryPrefix_AndTakesTaskSupportFromTheirServersDefault_UnlessTheToolSaysOtherwise()
    {
        await using var host = await StartAsync(ServeMounts);
        var client = await ConnectAsync(host);

        var tools = (await client.RequestAsync("tools/list", null, TestCancellation)).Result.GetProperty("tools").EnumerateArray()
            .ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("execution").GetProperty("taskSupport").GetString());

        Assert.Equal(["b_a_here", "b_a_here_now", "b_here", "b_here_now"], tools.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("optional", tools["b_a_here"]);
        Assert.Equal("required", tools["b_here"]);
        Assert.Equal("forbidden", tools["b_a_here_now"]);
        Assert.Equal("forbidden", tools["b_here_now"]);
    }

    [Fact]
    public async Task GrandchildTool_RunsInTheGrandchild_AsAPlainCallAndAsATask()
    {
        await using var host = await StartAsync(ServeMounts);
        var client = await ConnectAsync(host);

        var plain = await client.RequestAsync("tools/call", ToolCallTests.Call("b_a_here", null), TestCancellation);
        var task = await client.CreateTaskAsync("b_a_here", null, 60_000, TestCancellation);
        var result = await client.TaskRequestAsync("tasks/result", task.Id(), TestCancellation);

        AssertRanIn(plain, "mounts/b/a", "a", background: false);
        AssertRanIn(result, "mounts/b/a", "a", background: true);
    }

    [Fact]
    public async Task ChildTool_RunsInTheChild_AndItsServersRequiredDefaultIsEnforced()
    {
        await using var host = await StartAsync(ServeMounts);
        var client = await ConnectAsync(host);

        var plain = await client.RequestAsync("tools/call", ToolCallTests.Call("b_here", null), TestCancellation);
        var task = await client.CreateTaskAsync("b_here", null, 60_000, TestCancellation);
        var result = await client.TaskRequestAsync("tasks/result", task.Id(), TestCancellation);
        var forbidden = await client.RequestAsync("tools/call", TaskCall("b_a_here_now"), TestCancellation);

        Assert.Equal(-32601, plain.ErrorCode);
        AssertRanIn(result, "mounts/b", "b", background: true);
        Assert.Equal(-32601, forbidden.ErrorCode);
    }

    private static JsonObject TaskCall(string tool)
    {
        var parameters = ToolCallTests.Call(tool, null);
        parameters["task"] = new JsonObject();
        return parameters;
    }

    private static void AssertRanIn(RpcResult result, string path, string name, bool background)
    {
        var where = JsonDocument.Parse(ToolCallTests.Text(result.Result)).RootElement;
        Assert.Equal(path, where.GetProperty("path").GetString());
        Assert.Equal(name, where.GetProperty("name").GetString());
        Assert.Equal(background ? "true" : "false", where.GetProperty("background").GetString());
    }
}
