using System.Text.Json.Nodes;
using TaskActors.Gateway.Tests.Fixtures;
using TaskActors.Gateway.Tests.Tools;
using Xunit;

namespace TaskActors.Gateway.Tests.Tasks;

public sealed class TaskErrorReplayTests : GatewayTest
{
    [Fact]
    public async Task ToolsOwnJsonRpcError_IsWhatTasksResultAnswers_EveryTime_AndTheTaskIsFailed()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);
        var task = await client.CreateTaskAsync("protocol_error", null, 60_000, TestCancellation);

        var first = await client.TaskRequestAsync("tasks/result", task.Id(), TestCancellation);
        var second = await client.TaskRequestAsync("tasks/result", task.Id(), TestCancellation);
        var view = (await client.TaskRequestAsync("tasks/get", task.Id(), TestCancellation)).Result;

        Assert.Equal(FixtureTools.ProtocolErrorCode, first.ErrorCode);
        Assert.Equal(FixtureTools.ProtocolErrorMessage, first.ErrorMessage);
        Assert.Equal(first.Response.GetProperty("error").GetRawText(), second.Response.GetProperty("error").GetRawText());
        Assert.Equal(task.Id(), first.Response.GetProperty("error").GetProperty("data").RelatedTaskId());
        Assert.Equal("failed", view.Status());
    }

    [Fact]
    public async Task TaskCall_WithArgumentsViolatingTheSchema_IsInvalidParams_AndCreatesNoTask()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);
        var parameters = ToolCallTests.Call("wait", new JsonObject { ["milliseconds"] = "soon" });
        parameters["task"] = new JsonObject();

        var call = await client.RequestAsync("tools/call", parameters, TestCancellation);
        var listed = (await client.RequestAsync("tasks/list", null, TestCancellation)).Result;

        Assert.Equal(-32602, call.ErrorCode);
        Assert.Contains("milliseconds", call.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(listed.GetProperty("tasks").EnumerateArray());
    }
}
