using System.Net;
using System.Text.Json.Nodes;
using TaskActors.Gateway.Tests.Infrastructure;
using TaskActors.Gateway.Tests.Tools;
using Xunit;

namespace TaskActors.Gateway.Tests.Http;

/// <summary>
/// Browser-based clients: the allowed origins (loopback by default, else <c>Gateway:AllowedOrigins</c>) get CORS on
/// the MCP endpoint, preflight included, with <c>Mcp-Session-Id</c> and the other headers a client reads exposed;
/// another origin gets no CORS header at all.
/// </summary>
public sealed class CorsTests : GatewayTest
{
    private const string Loopback = "http://localhost:5173";
    private const string Foreign = "https://evil.example";

    [Theory]
    [InlineData("POST", "content-type, mcp-protocol-version")]
    [InlineData("GET", "mcp-session-id, last-event-id")]
    [InlineData("DELETE", "authorization, mcp-session-id")]
    public async Task Preflight_FromAnAllowedOrigin_AllowsTheTransportsMethodsAndHeaders(string method, string requestHeaders)
    {
        await using var host = await StartAsync();

        using var response = await PreflightAsync(host.CreateClient(), Loopback, method, requestHeaders);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Loopback, Single(response, "Access-Control-Allow-Origin"));
        Assert.Equal(["GET", "POST", "DELETE"], List(response, "Access-Control-Allow-Methods"));
        Assert.Superset(
            new HashSet<string>(["content-type", "authorization", "mcp-session-id", "mcp-protocol-version", "last-event-id"]),
            new HashSet<string>(List(response, "Access-Control-Allow-Headers").Select(h => h.ToLowerInvariant())));
        Assert.Contains("Origin", List(response, "Vary"));
    }

    [Fact]
    public async Task Preflight_FromAnotherOrigin_GetsNoCorsHeaders()
    {
        await using var host = await StartAsync();

        using var response = await PreflightAsync(host.CreateClient(), Foreign, "POST", "content-type");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(AllHeaderNames(response), name => name.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task OptionsWithoutAPreflight_IsStillAMethodTheEndpointDoesNotTake()
    {
        await using var host = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/mcp");

        using var response = await host.CreateClient().Http.SendAsync(request, TestCancellation);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Responses_ToAnAllowedOrigin_EchoItAndExposeTheSessionHeaders_JsonAndStreamsAlike()
    {
        await using var host = await StartAsync();
        var client = host.CreateClient();
        client.Headers["Origin"] = Loopback;

        using var initialize = await client.PostAsync(InitializeBody, cancellationToken: TestCancellation);
        client.SessionId = Single(initialize, "Mcp-Session-Id");
        var call = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 2, ["method"] = "tools/call", ["params"] = ToolCallTests.Call("echo", new JsonObject { ["text"] = "x" }) };
        using var stream = await client.PostAsync(call.ToJsonString(), cancellationToken: TestCancellation);
        var answer = await client.ReadResponseAsync(stream, 2, TestCancellation);

        foreach (var response in new[] { initialize, stream })
        {
            Assert.Equal(Loopback, Single(response, "Access-Control-Allow-Origin"));
            Assert.Superset(
                new HashSet<string>(["mcp-session-id", "mcp-protocol-version", "www-authenticate", "retry-after"]),
                new HashSet<string>(List(response, "Access-Control-Expose-Headers").Select(h => h.ToLowerInvariant())));
            Assert.Contains("Origin", List(response, "Vary"));
        }

        Assert.True(answer.WasStream);
        Assert.Equal("x", ToolCallTests.Text(answer.Result));
    }

    [Fact]
    public async Task Responses_ToAnotherOrigin_AreRefusedWithoutCorsHeaders()
    {
        await using var host = await StartAsync();
        var client = host.CreateClient();
        client.Headers["Origin"] = Foreign;

        using var response = await client.PostAsync(InitializeBody, cancellationToken: TestCancellation);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(AllHeaderNames(response), name => name.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ConfiguredOrigins_ReplaceTheLoopbackDefault()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["TaskActors:Gateway:AllowedOrigins:0"] = "https://app.example.com" });

        using var configured = await PreflightAsync(host.CreateClient(), "https://app.example.com", "POST", "content-type");
        using var loopback = await PreflightAsync(host.CreateClient(), Loopback, "POST", "content-type");

        Assert.Equal(HttpStatusCode.NoContent, configured.StatusCode);
        Assert.Equal("https://app.example.com", Single(configured, "Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.Forbidden, loopback.StatusCode);
        Assert.False(loopback.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private const string InitializeBody = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"browser","version":"1"}}}""";

    private static async Task<HttpResponseMessage> PreflightAsync(McpHttpClient client, string origin, string method, string requestHeaders)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/mcp");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", requestHeaders);
        return await client.Http.SendAsync(request, TestCancellation);
    }

    private static string Single(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.TryGetValues(name, out var values) ? values : []);

    private static List<string> List(HttpResponseMessage response, string name) =>
        [.. (response.Headers.TryGetValues(name, out var values) ? values : []).SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];

    private static IEnumerable<string> AllHeaderNames(HttpResponseMessage response) =>
        response.Headers.Select(h => h.Key).Concat(response.Content.Headers.Select(h => h.Key));
}
