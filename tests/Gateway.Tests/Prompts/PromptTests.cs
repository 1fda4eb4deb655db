using System.Text.Json.Nodes;
using Xunit;

namespace TaskActors.Gateway.Tests.Prompts;

public sealed class PromptTests : GatewayTest
{
    [Fact]
    public async Task PromptsList_ShowsThePromptsWithTheirArguments()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        var prompts = (await client.RequestAsync("prompts/list", null, TestCancellation)).Result.GetProperty("prompts").EnumerateArray()
            .ToDictionary(p => p.GetProperty("name").GetString()!);

        Assert.Equal(["broken", "greet", "plain"], prompts.Keys.Order(StringComparer.Ordinal));
        var argument = Assert.Single(prompts["greet"].GetProperty("arguments").EnumerateArray());
        Assert.Equal("name", argument.GetProperty("name").GetString());
        Assert.True(argument.GetProperty("required").GetBoolean());
    }

    [Fact]
    public async Task PromptsList_WithACursorTheServerNeverIssued_IsInvalidParams()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        var result = await client.RequestAsync("prompts/list", new JsonObject { ["cursor"] = "not-a-cursor" }, TestCancellation);

        Assert.Equal(-32602, result.ErrorCode);
    }

    [Fact]
    public async Task PromptsGet_RendersThePromptWithItsArguments()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        var result = (await client.RequestAsync("prompts/get", new JsonObject { ["name"] = "greet", ["arguments"] = new JsonObject { ["name"] = "Ada" } }, TestCancellation)).Result;

        var message = Assert.Single(result.GetProperty("messages").EnumerateArray());
        Assert.Equal("user", message.GetProperty("role").GetString());
        Assert.Equal("Hello, Ada!", message.GetProperty("content").GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("""{"name":"nope"}""")]
    [InlineData("""{"name":"greet"}""")]
    [InlineData("""{"name":"greet","arguments":{}}""")]
    public async Task PromptsGet_OfAnUnknownPromptOrWithoutARequiredArgument_IsInvalidParams(string parameters)
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        var result = await client.RequestAsync("prompts/get", JsonNode.Parse(parameters), TestCancellation);

        Assert.Equal(-32602, result.ErrorCode);
        Assert.Contains(parameters.Contains("nope", StringComparison.Ordinal) ? "nope" : "'name'", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PromptsGet_OfAPromptThatThrows_IsAnInternalError_WithoutInternals()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        var result = await client.RequestAsync("prompts/get", new JsonObject { ["name"] = "broken" }, TestCancellation);

        Assert.Equal(-32603, result.ErrorCode);
        Assert.DoesNotContain("secret", result.Response.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompletionComplete_OffersTheArgumentValuesThatMatch()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        var result = (await client.RequestAsync("completion/complete", Complete(new JsonObject { ["type"] = "ref/prompt", ["name"] = "greet" }, "a"), TestCancellation)).Result;

        var completion = result.GetProperty("completion");
        Assert.Equal(["Ada", "Alan"], completion.GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(2, completion.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("""{"type":"ref/prompt","name":"nope"}""")]
    [InlineData("""{"type":"ref/resource","uri":"fixture://nowhere/{x}"}""")]
    [InlineData("""{"type":"ref/tool","name":"echo"}""")]
    public async Task CompletionComplete_OfAnUnknownReference_IsInvalidParams(string reference)
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        var result = await client.RequestAsync("completion/complete", Complete(JsonNode.Parse(reference)!, "a"), TestCancellation);

        Assert.Equal(-32602, result.ErrorCode);
    }

    private static JsonObject Complete(JsonNode reference, string value) =>
        new() { ["ref"] = reference, ["argument"] = new JsonObject { ["name"] = "name", ["value"] = value } };
}
