using ModelContextProtocol.Protocol;
using TaskActors.SampleServers.Tests.Harness;
using Xunit;

namespace TaskActors.SampleServers.Tests.Conformance;

public sealed class ConformanceCompletionsTests : SampleServersTest
{
    [Fact]
    public async Task Complete_OffersThePromptArgumentValues_ThatStartWithTheTypedValue()
    {
        await using var host = await StartHostAsync();

        var completion = await host.RequestAsync(
            RequestMethods.CompletionComplete,
            """{"ref":{"type":"ref/prompt","name":"test_prompt_with_arguments"},"argument":{"name":"arg1","value":"test"}}""",
            TestCancellation);

        Assert.Null(completion.Error);
        JsonAssert.Equal("""{"completion":{"values":["testValue1","test-alpha"],"total":2,"hasMore":false}}""", completion.Result);
    }

    [Theory]
    [InlineData("""{"ref":{"type":"ref/prompt","name":"test_simple_prompt"},"argument":{"name":"arg1","value":""}}""")]
    [InlineData("""{"ref":{"type":"ref/prompt","name":"test_prompt_with_arguments"},"argument":{"name":"arg3","value":""}}""")]
    [InlineData("""{"ref":{"type":"ref/resource","uri":"test://template/{id}/data"},"argument":{"name":"id","value":"1"}}""")]
    public async Task Complete_OffersNoValues_ForAnythingElse(string request)
    {
        await using var host = await StartHostAsync();

        var completion = await host.RequestAsync(RequestMethods.CompletionComplete, request, TestCancellation);

        JsonAssert.Equal("""{"completion":{"values":[],"total":0,"hasMore":false}}""", completion.Result);
    }
}
