using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TaskActors.Gateway.Tests.Infrastructure;
using TaskActors.Gateway.Tests.Tools;
using Xunit;

namespace TaskActors.Gateway.Tests.Tasks;

public sealed class TaskContextTests : GatewayTest
{
    private static readonly string[] AllowListed = ["user-agent", "x-request-id", "traceparent", "tracestate", "accept-language"];

    [Fact]
    public async Task TasksContext_HasOnlyTheAllowListedHeaders_AndTheOriginRequestId()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);
        var call = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = 4242,
            ["method"] = "tools/call",
            ["params"] = new JsonObject { ["name"] = "request_context", ["arguments"] = new JsonObject(), ["task"] = new JsonObject { ["ttl"] = 60_000 } },
        };

        using var response = await client.PostAsync(call.ToJsonString(), request =>
        {
            request.Headers.TryAddWithoutValidation("x-request-id", "req-1");
            request.Headers.TryAddWithoutValidation("accept-language", "fr");
            request.Headers.TryAddWithoutValidation("x-not-listed", "leak");
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer secret-token");
            request.Headers.TryAddWithoutValidation("Cookie", "session=secret-cookie");
        }, TestCancellation);
        var created = await client.ReadResponseAsync(response, 4242, TestCancellation);
        var result = await client.TaskRequestAsync("tasks/result", created.Result.GetProperty("task").Id(), TestCancellation);
        var seen = JsonDocument.Parse(ToolCallTests.Text(result.Result)).RootElement;
        var headers = seen.GetProperty("headers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());

        Assert.Equal("4242", seen.GetProperty("originRequestId").GetString());
        Assert.Equal("req-1", headers["x-request-id"]);
        Assert.Equal("fr", headers["accept-language"]);
        Assert.All(headers.Keys, name => Assert.Contains(name, AllowListed));
        Assert.DoesNotContain(headers.Values, value => value!.Contains("secret", StringComparison.Ordinal) || value.Contains("leak", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Authorization")]
    [InlineData("cookie")]
    public async Task Gateway_RefusesToStart_WhenCredentialsAreForwardedHeaders(string header)
    {
        var settings = new Dictionary<string, string?> { ["TaskActors:Gateway:ForwardedHeaders:0"] = "x-request-id", ["TaskActors:Gateway:ForwardedHeaders:1"] = header };

        var error = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => StartAsync(settings));

        Assert.Contains("Gateway:ForwardedHeaders must not include Authorization or Cookie", error.Message, StringComparison.Ordinal);
    }
}
