using TaskActors.SampleServers.Conformance;
using TaskActors.SampleServers.Tests.Harness;
using Xunit;

namespace TaskActors.SampleServers.Tests.Conformance;

public sealed class ConformanceContentToolsTests : SampleServersTest
{
    private const string Png = ConformanceMedia.PngBase64;

    [Fact]
    public async Task SimpleText_ReturnsTheText_WhenCalledWithoutArguments()
    {
        await using var host = await StartHostAsync();

        var outcome = await host.CallToolAsync(new ToolCall("test_simple_text"), cancellationToken: TestCancellation);

        Assert.False(outcome.IsError);
        JsonAssert.Equal("""{"content":[{"type":"text","text":"This is a simple text response for testing."}]}""", outcome.Result);
    }

    [Fact]
    public async Task ImageContent_ReturnsThePng()
    {
        await using var host = await StartHostAsync();

        var outcome = await host.CallToolAsync(new ToolCall("test_image_content") { Arguments = "{}" }, cancellationToken: TestCancellation);

        JsonAssert.Equal($$"""{"content":[{"type":"image","data":"{{Png}}","mimeType":"image/png"}]}""", outcome.Result);
        Assert.Equal(70, Convert.FromBase64String(Png).Length);
    }

    [Fact]
    public async Task AudioContent_ReturnsTheWav_AsAudioWav()
    {
        await using var host = await StartHostAsync();

        var outcome = await host.CallToolAsync(new ToolCall("test_audio_content") { Arguments = "{}" }, cancellationToken: TestCancellation);

        JsonAssert.Equal($$"""{"content":[{"type":"audio","data":"{{ConformanceMedia.WavBase64}}","mimeType":"audio/wav"}]}""", outcome.Result);
        Assert.Equal(44, Convert.FromBase64String(ConformanceMedia.WavBase64).Length);
    }

    [Fact]
    public async Task EmbeddedResource_ReturnsATextResource()
    {
        await using var host = await StartHostAsync();

        var outcome = await host.CallToolAsync(new ToolCall("test_embedded_resource") { Arguments = "{}" }, cancellationToken: TestCancellation);

        JsonAssert.Equal(
            """{"content":[{"type":"resource","resource":{"uri":"test://embedded-resource","mimeType":"text/plain","text":"This is an embedded resource content."}}]}""",
            outcome.Result);
    }

    [Fact]
    public async Task MultipleContentTypes_ReturnsTextImageAndResource_InOrder()
    {
        await using var host = await StartHostAsync();

        var outcome = await host.CallToolAsync(new ToolCall("test_multiple_content_types") { Arguments = "{}" }, cancellationToken: TestCancellation);

        JsonAssert.Equal(
            $$$"""
            {"content":[
              {"type":"text","text":"Multiple content types test:"},
              {"type":"image","data":"{{{Png}}}","mimeType":"image/png"},
              {"type":"resource","resource":{"uri":"test://mixed-content-resource","mimeType":"application/json","text":"{\"test\":\"data\",\"value\":123}"}}
            ]}
            """,
            outcome.Result);
    }

    [Fact]
    public async Task ErrorHandling_ReturnsAnErrorResult_NotAnError()
    {
        await using var host = await StartHostAsync();

        var outcome = await host.CallToolAsync(new ToolCall("test_error_handling") { Arguments = "{}" }, cancellationToken: TestCancellation);

        Assert.Null(outcome.Error);
        Assert.True(outcome.IsError);
        JsonAssert.Equal("""{"content":[{"type":"text","text":"This tool intentionally returns an error for testing"}],"isError":true}""", outcome.Result);
    }

    [Fact]
    public async Task Reconnection_ReturnsTheReconnectionText()
    {
        await using var host = await StartHostAsync();

        var result = await host.CallToolResultAsync(new ToolCall("test_reconnection") { Arguments = "{}" }, cancellationToken: TestCancellation);

        Assert.Equal(
            "Reconnection test completed successfully. If you received this, the client properly reconnected after stream closure.",
            result.SingleText());
    }

    [Fact]
    public async Task JsonSchemaTool_EchoesItsArguments()
    {
        await using var host = await StartHostAsync();

        var outcome = await host.CallToolAsync(
            new ToolCall(JsonSchema202012Tool.Name) { Arguments = """{"name":"Ada","address":{"city":"Paris"}}""" },
            cancellationToken: TestCancellation);

        JsonAssert.Equal(
            """{"content":[{"type":"text","text":"JSON Schema 2020-12 tool called with: {\"name\":\"Ada\",\"address\":{\"city\":\"Paris\"}}"}]}""",
            outcome.Result);
    }
}
