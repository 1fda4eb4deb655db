using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace TaskActors.Gateway.Tests.Resources;

public sealed class ResourceTests : GatewayTest
{
    private static readonly Dictionary<string, string?> PagesOfTwo = new() { ["TaskActors:Gateway:PageSize"] = "2" };

    [Fact]
    public async Task ResourcesList_PagesWithTheCursorItGives()
    {
        await using var host = await StartAsync(PagesOfTwo);
        var client = await ConnectAsync(host);

        var first = (await client.RequestAsync("resources/list", null, TestCancellation)).Result;
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = (await client.RequestAsync("resources/list", new JsonObject { ["cursor"] = cursor }, TestCancellation)).Result;

        Assert.Equal(["fixture://alpha", "fixture://beta"], Uris(first, "resources"));
        Assert.Equal(["fixture://gamma"], Uris(second, "resources"));
        Assert.False(second.TryGetProperty("nextCursor", out _));
        Assert.Equal("text/plain", first.GetProperty("resources")[0].GetProperty("mimeType").GetString());
    }

    [Theory]
    [InlineData("resources/list")]
    [InlineData("resources/templates/list")]
    public async Task List_WithACursorTheServerNeverIssued_IsInvalidParams(string method)
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        var result = await client.RequestAsync(method, new JsonObject { ["cursor"] = "not-a-cursor" }, TestCancellation);

        Assert.Equal(-32602, result.ErrorCode);
    }

    [Fact]
    public async Task ResourceTemplatesList_ShowsTheTemplates_AndNotTheStaticResources()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        var result = (await client.RequestAsync("resources/templates/list", null, TestCancellation)).Result;

        var template = Assert.Single(result.GetProperty("resourceTemplates").EnumerateArray());
        Assert.Equal("fixture://items/{id}", template.GetProperty("uriTemplate").GetString());
        Assert.Equal("item", template.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("fixture://beta", "beta content")]
    [InlineData("fixture://items/7", "item 7")]
    public async Task ResourcesRead_ReturnsTheContents_OfAResourceOrATemplateMatch(string uri, string text)
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        var result = (await client.RequestAsync("resources/read", new JsonObject { ["uri"] = uri }, TestCancellation)).Result;

        var contents = Assert.Single(result.GetProperty("contents").EnumerateArray());
        Assert.Equal(uri, contents.GetProperty("uri").GetString());
        Assert.Equal(text, contents.GetProperty("text").GetString());
    }

    [Fact]
    public async Task ResourcesRead_OfAnUnknownUri_IsResourceNotFound()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        var result = await client.RequestAsync("resources/read", new JsonObject { ["uri"] = "fixture://nowhere" }, TestCancellation);

        Assert.Equal(-32002, result.ErrorCode);
        Assert.Equal("fixture://nowhere", result.Response.GetProperty("error").GetProperty("data").GetProperty("uri").GetString());
    }

    [Fact]
    public async Task Subscriptions_AreNotAdvertised_ButSubscribeAndUnsubscribeAnswerEmpty_AndAnUnknownUriIsNotFound()
    {
        await using var host = await StartAsync();
        var client = host.CreateClient();
        var initialized = await client.InitializeAsync(cancellationToken: TestCancellation);

        var subscribe = await client.RequestAsync("resources/subscribe", new JsonObject { ["uri"] = "fixture://alpha" }, TestCancellation);
        var unsubscribe = await client.RequestAsync("resources/unsubscribe", new JsonObject { ["uri"] = "fixture://alpha" }, TestCancellation);
        var unknown = await client.RequestAsync("resources/subscribe", new JsonObject { ["uri"] = "fixture://nowhere" }, TestCancellation);

        Assert.False(initialized.Result.GetProperty("capabilities").GetProperty("resources").GetProperty("subscribe").GetBoolean());
        Assert.Equal("{}", subscribe.Result.GetRawText());
        Assert.Equal("{}", unsubscribe.Result.GetRawText());
        Assert.Equal(-32002, unknown.ErrorCode);
    }

    private static List<string> Uris(JsonElement page, string property) =>
        [.. page.GetProperty(property).EnumerateArray().Select(r => r.GetProperty("uri").GetString()!)];
}
