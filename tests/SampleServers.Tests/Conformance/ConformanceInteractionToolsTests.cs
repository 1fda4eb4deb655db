using ModelContextProtocol.Protocol;
using TaskActors.SampleServers.Tests.Harness;
using Xunit;

namespace TaskActors.SampleServers.Tests.Conformance;

public sealed class ConformanceInteractionToolsTests : SampleServersTest
{
    [Fact]
    public async Task ToolWithLogging_SendsThreeInfoMessages_BeforeItsResult()
    {
        await using var host = await StartHostAsync();
        var client = new RecordingClientChannel();

        var outcome = await host.CallToolAsync(new ToolCall("test_tool_with_logging") { Arguments = "{}", LogLevel = "debug" }, client, TestCancellation);

        Assert.All(client.Notifications, n => Assert.Equal(NotificationMethods.LoggingMessageNotification, n.Method));
        Assert.Collection(
            client.Notifications,
            n => JsonAssert.Equal("""{"level":"info","data":"Tool execution started"}""", n.Params),
            n => JsonAssert.Equal("""{"level":"info","data":"Tool processing data"}""", n.Params),
            n => JsonAssert.Equal("""{"level":"info","data":"Tool execution completed"}""", n.Params));
        JsonAssert.Equal("""{"content":[{"type":"text","text":"Tool with logging executed successfully"}]}""", outcome.Result);
    }

    [Fact]
    public async Task ToolWithLogging_SendsNothing_WhenTheSessionLogLevelIsAboveInfo()
    {
        await using var host = await StartHostAsync();
        var client = new RecordingClientChannel();

        var outcome = await host.CallToolAsync(new ToolCall("test_tool_with_logging") { Arguments = "{}", LogLevel = "warning" }, client, TestCancellation);

        Assert.Empty(client.Notifications);
        Assert.False(outcome.IsError);
    }

    [Fact]
    public async Task ToolWithProgress_ReportsZeroFiftyHundred_UnderTheNumericToken_AndReturnsIt()
    {
        await using var host = await StartHostAsync();
        var client = new RecordingClientChannel();

        var outcome = await host.CallToolAsync(new ToolCall("test_tool_with_progress") { Arguments = "{}", ProgressToken = "1" }, client, TestCancellation);

        Assert.All(client.Notifications, n => Assert.Equal(NotificationMethods.ProgressNotification, n.Method));
        Assert.Collection(
            client.Notifications,
            n => JsonAssert.Equal("""{"progressToken":1,"progress":0,"total":100,"message":"Completed step 0 of 100"}""", n.Params),
            n => JsonAssert.Equal("""{"progressToken":1,"progress":50,"total":100,"message":"Completed step 50 of 100"}""", n.Params),
            n => JsonAssert.Equal("""{"progressToken":1,"progress":100,"total":100,"message":"Completed step 100 of 100"}""", n.Params));
        JsonAssert.Equal("""{"content":[{"type":"text","text":"1"}]}""", outcome.Result);
    }

    [Fact]
    public async Task ToolWithProgress_KeepsAStringTokenAString()
    {
        await using var host = await StartHostAsync();
        var client = new RecordingClientChannel();

        var outcome = await host.CallToolAsync(new ToolCall("test_tool_with_progress") { ProgressToken = "\"progress-test-1\"" }, client, TestCancellation);

        Assert.Equal(3, client.Notifications.Count);
        Assert.All(client.Notifications, n => Assert.Equal("progress-test-1", JsonAssert.Property(n.Params, "progressToken").GetString()));
        JsonAssert.Equal("""{"content":[{"type":"text","text":"progress-test-1"}]}""", outcome.Result);
    }

    [Fact]
    public async Task Sampling_AsksTheClientWithTheSpecdRequest_AndReturnsItsText()
    {
        await using var host = await StartHostAsync();
        var client = new RecordingClientChannel().Answer(
            RequestMethods.SamplingCreateMessage,
            """{"role":"assistant","content":{"type":"text","text":"This is a test response from the client"},"model":"test-model","stopReason":"endTurn"}""");

        var outcome = await host.CallToolAsync(new ToolCall("test_sampling") { Arguments = """{"prompt":"Test prompt for sampling"}""" }, client, TestCancellation);

        var request = Assert.Single(client.Requests);
        Assert.Equal(RequestMethods.SamplingCreateMessage, request.Method);
        JsonAssert.Equal("""{"messages":[{"role":"user","content":{"type":"text","text":"Test prompt for sampling"}}],"maxTokens":100}""", request.Params);
        JsonAssert.Equal("""{"content":[{"type":"text","text":"LLM response: This is a test response from the client"}]}""", outcome.Result);
    }
}
