using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TaskActors.Gateway.Http;
using TaskActors.Gateway.Tests.Infrastructure;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.Gateway.Tests.Robustness;

/// <summary>
/// Feeds every method and header of the gateway the inputs of <see cref="BadInputs"/>: each must be answered 4xx with a
/// JSON-RPC error of the expected code, log nothing at Error, create no task, and leave the session answering.
/// </summary>
public sealed class BadInputRobustnessTests(RobustnessHost fixture) : LoggedTest, IClassFixture<RobustnessHost>
{
    public static TheoryData<string> Cases => [.. BadInputs.Names];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadInput_IsAnswered4xxWithAJsonRpcError_AndChangesNothing(string name)
    {
        var input = BadInputs.Get(name);
        var client = await fixture.ConnectAsync(input.Version, TestCancellation);
        var mark = fixture.Logs.Lines.Count;

        using var request = NewRequest(client, input);
        using var response = await client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestCancellation);

        Assert.NotEqual("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(TestCancellation);
        Assert.True(input.Status == (int)response.StatusCode, $"Expected HTTP {input.Status}, got {(int)response.StatusCode}: '{body}'");
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal("2.0", json.GetProperty("jsonrpc").GetString());
        var id = json.GetProperty("id");
        Assert.True(id.ValueKind == JsonValueKind.Null || id.GetString() == "req-1", $"Unexpected id in {body}");
        Assert.True(input.Code == json.GetProperty("error").GetProperty("code").GetInt32(), $"Expected error {input.Code}: {body}");
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("error").GetProperty("message").GetString()));
        Output.WriteLine($"{(int)response.StatusCode} {body}");
        Assert.Empty(fixture.ErrorsSince(mark));

        var ping = await client.RequestAsync("ping", null, TestCancellation);
        Assert.False(ping.IsError, ping.Response.GetRawText());
        if (input.Version == "2025-11-25")
        {
            var tasks = await client.RequestAsync("tasks/list", null, TestCancellation);
            Assert.Equal(0, tasks.Result.GetProperty("tasks").GetArrayLength());
        }
    }

    /// <summary>
    /// The table's extent, printed as the fuzz figure of docs/reliability.md: how many inputs, over how many methods and
    /// headers, and the answers they are held to (each case above asserts its own).
    /// </summary>
    [Fact]
    public void Table_ExpectsOnly4xx_AndPrintsItsExtent()
    {
        var inputs = BadInputs.Names.Select(BadInputs.Get).ToList();

        Assert.All(inputs, input => Assert.InRange(input.Status, 400, 499));
        var statuses = inputs.GroupBy(input => $"{input.Status} {input.Code}").OrderBy(group => group.Key, StringComparer.Ordinal).Select(group => $"{group.Key} x {group.Count()}");
        var versions = inputs.GroupBy(input => input.Version).OrderBy(group => group.Key, StringComparer.Ordinal).Select(group => $"{group.Key} x {group.Count()}");
        Output.WriteLine($"FIGURE bad inputs | {inputs.Count} requests tried; answers (HTTP, JSON-RPC code): {string.Join(", ", statuses)}; by session protocol: {string.Join(", ", versions)}");
    }

    /// <summary>Unknown members are allowed by JSON-RPC and MCP and ignored; odd but valid values are served.</summary>
    [Theory]
    [InlineData("an unknown envelope member", """{"jsonrpc":"2.0","id":1,"method":"ping","extra":{"a":[1,"\ud83d\ude00"]}}""")]
    [InlineData("unknown params and _meta members", """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"text":"hi"},"extra":1,"_meta":{"progressToken":"p","x":{"y":null}}}}""")]
    [InlineData("an unknown task member", """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"wait","arguments":{"milliseconds":1},"task":{"ttl":60000,"extra":true}}}""")]
    [InlineData("an id beyond any integer type", """{"jsonrpc":"2.0","id":1e400,"method":"ping"}""")]
    [InlineData("a progress token beyond any integer type", """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"text":"hi"},"_meta":{"progressToken":-1e300}}}""")]
    [InlineData("a surrogate pair and non-ASCII text", """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"text":"\ud83d\ude00 ünï \u0000"}}}""")]
    [InlineData("_meta nested 50 deep", """{"jsonrpc":"2.0","id":1,"method":"ping","params":{"_meta":DEEP}}""")]
    [InlineData("a cancellation of a request that never was", """{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":1e400,"extra":1}}""")]
    public async Task OddButValidInput_IsServed(string what, string body)
    {
        var client = await fixture.ConnectAsync("2025-11-25", TestCancellation);
        var mark = fixture.Logs.Lines.Count;
        body = body.Replace("DEEP", string.Concat(Enumerable.Repeat("{\"a\":", 50)) + "1" + new string('}', 50), StringComparison.Ordinal);

        using var response = await client.PostAsync(body, cancellationToken: TestCancellation);

        Assert.True(response.IsSuccessStatusCode, $"{what}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestCancellation)}");
        if (!body.Contains("\"notifications/", StringComparison.Ordinal))
        {
            var result = await client.ReadResponseAsync(response, 1, TestCancellation);
            Assert.False(result.IsError, $"{what}: {result.Response.GetRawText()}");
        }

        Assert.Empty(fixture.ErrorsSince(mark));
    }

    /// <summary>The last resort: a fault of the server's own (here, one injected into the endpoint) still answers JSON-RPC.</summary>
    [Fact]
    public async Task AnUnexpectedFault_IsAnswered500WithAJsonRpcError_LoggedOnceAtError()
    {
        var endpoint = fixture.Host.Services.GetRequiredService<StreamableHttpEndpoint>();
        var http = new DefaultHttpContext();
        using var body = new MemoryStream();
        http.Request.Method = "POST";
        http.Response.Body = body;
        var mark = fixture.Logs.Lines.Count;

        await endpoint.Guard(_ => throw new InvalidOperationException("a fault of the server's own"))(http);

        Assert.Equal(500, http.Response.StatusCode);
        Assert.Equal("application/json", http.Response.ContentType);
        var json = JsonDocument.Parse(body.ToArray()).RootElement;
        Assert.Equal(JsonValueKind.Null, json.GetProperty("id").ValueKind);
        Assert.Equal(-32603, json.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("a fault of the server's own", Assert.Single(fixture.ErrorsSince(mark)), StringComparison.Ordinal);
    }

    private static HttpRequestMessage NewRequest(McpHttpClient client, BadInput input)
    {
        var request = new HttpRequestMessage(input.Method, client.Path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (input.Body is { } body)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        if (!input.Sessionless)
        {
            request.Headers.TryAddWithoutValidation("MCP-Protocol-Version", client.ProtocolVersion);
            if (input.Headers.Count == 0)
            {
                request.Headers.Add("Mcp-Session-Id", client.SessionId);
            }
        }

        foreach (var (header, value) in input.Headers)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }

        if (input.LastEventId is { } lastEventId)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId(client.SessionId!));
        }

        return request;
    }
}
