using ModelContextProtocol.Protocol;
using TaskActors.SampleServers.Conformance;
using TaskActors.SampleServers.Tests.Harness;
using Xunit;

namespace TaskActors.SampleServers.Tests.Conformance;

public sealed class ConformanceResourcesTests : SampleServersTest
{
    [Theory]
    [InlineData("test://static-text", """{"uri":"test://static-text","mimeType":"text/plain","text":"This is the content of the static text resource."}""")]
    [InlineData("test://static-binary", $$"""{"uri":"test://static-binary","mimeType":"image/png","blob":"{{ConformanceMedia.PngBase64}}"}""")]
    [InlineData("test://watched-resource", """{"uri":"test://watched-resource","mimeType":"text/plain","text":"Watched resource content"}""")]
    [InlineData("test://template/123/data", """{"uri":"test://template/123/data","mimeType":"application/json","text":"{\"id\":\"123\",\"templateTest\":true,\"data\":\"Data for ID: 123\"}"}""")]
    public async Task Read_ReturnsTheFixtureContents(string uri, string contents)
    {
        await using var host = await StartHostAsync();

        var read = await host.RequestAsync(RequestMethods.ResourcesRead, $$"""{"uri":"{{uri}}"}""", TestCancellation);

        Assert.Null(read.Error);
        JsonAssert.Equal($$"""{"contents":[{{contents}}]}""", read.Result);
    }

    [Fact]
    public async Task Read_FailsWithResourceNotFound_ForAnUnknownUri()
    {
        await using var host = await StartHostAsync();

        var read = await host.RequestAsync(RequestMethods.ResourcesRead, """{"uri":"test://nothing-here"}""", TestCancellation);

        Assert.Equal(-32002, read.Error?.Code);
    }
}
