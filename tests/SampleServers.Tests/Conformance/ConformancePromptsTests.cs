using ModelContextProtocol.Protocol;
using TaskActors.SampleServers.Conformance;
using TaskActors.SampleServers.Tests.Harness;
using Xunit;

namespace TaskActors.SampleServers.Tests.Conformance;

public sealed class ConformancePromptsTests : SampleServersTest
{
    [Fact]
    public async Task SimplePrompt_IsOneUserText()
    {
        await using var host = await StartHostAsync();

        var prompt = await host.RequestAsync(RequestMethods.PromptsGet, """{"name":"test_simple_prompt"}""", TestCancellation);

        JsonAssert.Equal("""{"description":"A simple prompt without arguments","messages":[{"role":"user","content":{"type":"text","text":"This is a simple prompt for testing."}}]}""", prompt.Result);
    }

    [Fact]
    public async Task PromptWithArguments_QuotesBothArguments()
    {
        await using var host = await StartHostAsync();

        var prompt = await host.RequestAsync(
            RequestMethods.PromptsGet,
            """{"name":"test_prompt_with_arguments","arguments":{"arg1":"testValue1","arg2":"testValue2"}}""",
            TestCancellation);

        JsonAssert.Equal(
            """{"description":"A prompt with required arguments","messages":[{"role":"user","content":{"type":"text","text":"Prompt with arguments: arg1='testValue1', arg2='testValue2'"}}]}""",
            prompt.Result);
    }

    [Fact]
    public async Task PromptWithEmbeddedResource_EmbedsTheGivenUri_ThenAsksToProcessIt()
    {
        await using var host = await StartHostAsync();

        var prompt = await host.RequestAsync(
            RequestMethods.PromptsGet,
            """{"name":"test_prompt_with_embedded_resource","arguments":{"resourceUri":"test://example-resource"}}""",
            TestCancellation);

        JsonAssert.Equal(
            """
            {"description":"A prompt that includes an embedded resource","messages":[
              {"role":"user","content":{"type":"resource","resource":{"uri":"test://example-resource","mimeType":"text/plain","text":"Embedded resource content for testing."}}},
              {"role":"user","content":{"type":"text","text":"Please process the embedded resource above."}}]}
            """,
            prompt.Result);
    }

    [Fact]
    public async Task PromptWithImage_SendsThePng_ThenAsksToAnalyzeIt()
    {
        await using var host = await StartHostAsync();

        var prompt = await host.RequestAsync(RequestMethods.PromptsGet, """{"name":"test_prompt_with_image"}""", TestCancellation);

        JsonAssert.Equal(
            $$$"""
            {"description":"A prompt that includes image content","messages":[
              {"role":"user","content":{"type":"image","data":"{{{ConformanceMedia.PngBase64}}}","mimeType":"image/png"}},
              {"role":"user","content":{"type":"text","text":"Please analyze the image above."}}]}
            """,
            prompt.Result);
    }
}
