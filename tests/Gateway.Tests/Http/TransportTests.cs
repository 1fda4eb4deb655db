using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Xunit;

namespace TaskActors.Gateway.Tests.Http;

public sealed class TransportTests : GatewayTest
{
    private const string Ping = """{"jsonrpc":"2.0","id":1,"method":"ping"}""";

    [Fact]
    public async Task Post_Is406_WhenAcceptLacksEventStream()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        using var response = await client.PostAsync(Ping, r =>
        {
            r.Headers.Accept.Clear();
            r.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }, TestCancellation);

        await AssertTransportErrorAsync(response, HttpStatusCode.NotAcceptable);
    }

    [Fact]
    public async Task Post_Is415_WhenBodyIsNotJson()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        using var response = await client.PostAsync(Ping, r => r.Content = new StringContent(Ping, Encoding.UTF8, "text/plain"), TestCancellation);

        await AssertTransportErrorAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Post_Is413_WhenBodyExceedsTheLimit()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["TaskActors:Gateway:MaxRequestBodyBytes"] = "2048" });
        var client = await ConnectAsync(host);
        var big = """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"text":"TEXT"}}}""".Replace("TEXT", new string('x', 4000), StringComparison.Ordinal);

        using var response = await client.PostAsync(big, cancellationToken: TestCancellation);

        await AssertTransportErrorAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData(100, HttpStatusCode.OK)]
    [InlineData(4000, HttpStatusCode.RequestEntityTooLarge)]
    public async Task Post_ReadsABodyOfUndeclaredLength_UpToTheLimit(int textLength, HttpStatusCode expected)
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["TaskActors:Gateway:MaxRequestBodyBytes"] = "2048" });
        var client = await ConnectAsync(host);
        var body = """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"text":"TEXT"}}}""".Replace("TEXT", new string('x', textLength), StringComparison.Ordinal);

        using var response = await client.PostAsync(body, r => r.Content = new UnsizedContent(body), TestCancellation);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Contains(new string('x', textLength), await response.Content.ReadAsStringAsync(TestCancellation), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Post_IsParseError_WhenBodyIsNotValidJson()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        using var response = await client.PostAsync("{\"jsonrpc\":", cancellationToken: TestCancellation);

        Assert.Equal(-32700, await AssertTransportErrorAsync(response, HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("""{"jsonrpc":"1.0","id":1,"method":"ping"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":{"x":1},"method":"ping"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"ping","params":[1,2]}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1}""")]
    [InlineData("""[]""")]
    [InlineData("""42""")]
    public async Task Post_IsInvalidRequest_WhenMessageIsMalformed(string body)
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        using var response = await client.PostAsync(body, cancellationToken: TestCancellation);

        Assert.Equal(-32600, await AssertTransportErrorAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Post_Is400_WithoutSessionId_AndIs404_WithUnknownSessionId()
    {
        await using var host = await StartAsync();
        var client = host.CreateClient();

        using var missing = await client.PostAsync(Ping, cancellationToken: TestCancellation);
        client.SessionId = "no-such-session";
        using var unknown = await client.PostAsync(Ping, cancellationToken: TestCancellation);

        await AssertTransportErrorAsync(missing, HttpStatusCode.BadRequest);
        await AssertTransportErrorAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Post_Is400_WithUnsupportedProtocolVersionHeader_ButTakesAnotherSupportedOne()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        using var unsupported = await client.PostAsync(Ping, r => Replace(r, "MCP-Protocol-Version", "1999-01-01"), TestCancellation);
        using var older = await client.PostAsync(Ping, r => Replace(r, "MCP-Protocol-Version", "2025-03-26"), TestCancellation);

        await AssertTransportErrorAsync(unsupported, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, older.StatusCode);
    }

    [Fact]
    public async Task Post_Is403_FromAForeignOrigin_AndAllowedFromLocalhost()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        using var evil = await client.PostAsync(Ping, r => r.Headers.Add("Origin", "http://evil.example.com"), TestCancellation);
        using var local = await client.PostAsync(Ping, r => r.Headers.Add("Origin", "http://localhost:5080"), TestCancellation);

        await AssertTransportErrorAsync(evil, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
    }

    [Fact]
    public async Task Post_HonoursConfiguredOriginsAndHosts()
    {
        await using var host = await StartAsync(new Dictionary<string, string?>
        {
            ["TaskActors:Gateway:AllowedOrigins:0"] = "https://app.example.com",
            ["TaskActors:Gateway:AllowedHosts:0"] = "localhost",
        });
        var client = host.CreateClient();

        using var allowed = await client.PostAsync(InitializeBody(), r => r.Headers.Add("Origin", "https://app.example.com"), TestCancellation);
        using var localOrigin = await client.PostAsync(InitializeBody(), r => r.Headers.Add("Origin", "http://localhost"), TestCancellation);
        using var badHost = await client.PostAsync(InitializeBody(), r => r.Headers.Host = "evil.example.com", TestCancellation);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        await AssertTransportErrorAsync(localOrigin, HttpStatusCode.Forbidden);
        await AssertTransportErrorAsync(badHost, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Batch_IsRejected_From2025_06_18On()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        using var response = await client.PostAsync($"[{Ping}]", cancellationToken: TestCancellation);

        Assert.Equal(-32600, await AssertTransportErrorAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Batch_IsAnsweredWithAnArray_In2025_03_26()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host, "2025-03-26");

        using var response = await client.PostAsync("""[{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","method":"notifications/initialized"},{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"add","arguments":{"a":2,"b":3}}}]""", cancellationToken: TestCancellation);

        // tools/call answers on a stream, so the whole batch is answered on one SSE stream, response by response.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new Infrastructure.SseReader(await response.Content.ReadAsStreamAsync(TestCancellation));
        var responses = new Dictionary<int, JsonElement>();
        while (await reader.ReadAsync(TestCancellation) is { } sseEvent)
        {
            if (sseEvent.Data is { } data && data.TryGetProperty("id", out var id) && !data.TryGetProperty("method", out _))
            {
                responses[id.GetInt32()] = data;
            }
        }

        Assert.Equal("{}", responses[1].GetProperty("result").GetRawText());
        Assert.Equal("5", responses[2].GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Batch_OfPlainRequests_IsAnsweredWithAJsonArray_In2025_03_26()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host, "2025-03-26");

        using var response = await client.PostAsync("""[{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","id":2,"method":"nope"}]""", cancellationToken: TestCancellation);

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestCancellation)).RootElement;
        Assert.Equal(JsonValueKind.Array, body.ValueKind);
        Assert.Equal("{}", body[0].GetProperty("result").GetRawText());
        Assert.Equal(-32601, body[1].GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Batch_OfOnlyNotifications_Is202()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host, "2025-03-26");

        using var response = await client.PostAsync("""[{"jsonrpc":"2.0","method":"notifications/initialized"}]""", cancellationToken: TestCancellation);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task OtherMethods_Are405_WithAllowHeader()
    {
        await using var host = await StartAsync();
        using var http = host.CreateHttpClient();

        using var response = await http.PutAsync("/mcp", new StringContent(Ping, Encoding.UTF8, "application/json"), TestCancellation);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task ResponseFromClient_WithAnIdNeverIssued_Is400()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        using var response = await client.PostAsync("""{"jsonrpc":"2.0","id":"made-up","result":{}}""", cancellationToken: TestCancellation);

        await AssertTransportErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Get_Is406_WithoutEventStreamInAccept_AndOpensOneStreamPerSession()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        using var notAcceptable = await client.Http.SendAsync(NewGet(client, "application/json"), TestCancellation);
        using var first = await client.GetStreamAsync(cancellationToken: TestCancellation);
        using var second = await client.GetStreamAsync(cancellationToken: TestCancellation);

        await AssertTransportErrorAsync(notAcceptable, HttpStatusCode.NotAcceptable);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/event-stream", first.Content.Headers.ContentType?.MediaType);
        await AssertTransportErrorAsync(second, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Get_Is400_WithALastEventIdThisServerDidNotWrite()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        using var response = await client.GetStreamAsync("garbage", TestCancellation);

        await AssertTransportErrorAsync(response, HttpStatusCode.BadRequest);
    }

    private static HttpRequestMessage NewGet(Infrastructure.McpHttpClient client, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/mcp");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        request.Headers.Add("Mcp-Session-Id", client.SessionId);
        return request;
    }

    private static string InitializeBody() =>
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""";

    private static void Replace(HttpRequestMessage request, string header, string value)
    {
        request.Headers.Remove(header);
        request.Headers.Add(header, value);
    }

    private static async Task<int> AssertTransportErrorAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal("2.0", body.GetProperty("jsonrpc").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("id").ValueKind);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error").GetProperty("message").GetString()));
        return body.GetProperty("error").GetProperty("code").GetInt32();
    }

    /// <summary>A JSON body sent without Content-Length (chunked), as a streaming client sends it.</summary>
    private sealed class UnsizedContent : HttpContent
    {
        private readonly byte[] _body;

        public UnsizedContent(string body)
        {
            _body = Encoding.UTF8.GetBytes(body);
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(_body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
