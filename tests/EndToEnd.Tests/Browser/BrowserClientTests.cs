using TaskActors.EndToEnd.Tests.Dashboard;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.EndToEnd.Tests.Browser;

/// <summary>
/// A real browser as an MCP client of the real Silo binary: headless Debian <c>chromium</c> opens
/// tests/e2e/browser/mcp-client.html, served from an origin other than the silo's, whose plain <c>fetch</c> calls speak
/// Streamable HTTP to the silo cross-origin. Its requests carry <c>Content-Type: application/json</c> and the MCP
/// headers, so each is preceded by a CORS preflight; the page can read <c>Mcp-Session-Id</c> only if the response
/// exposes it.
/// </summary>
public sealed class BrowserClientTests : LoggedTest
{
    [Fact]
    public async Task BrowserPage_SpeaksMcp_FromTheAllowedOrigin_AndIsBlockedByTheBrowser_FromAnother()
    {
        HeadlessChromium.FindBinary();
        var html = await File.ReadAllTextAsync(McpClientPage.PageFile, TestCancellation);
        await using var allowedPages = await PageServer.StartAsync(html, LoggerProvider, TestCancellation);
        await using var otherPages = await PageServer.StartAsync(html, LoggerProvider, TestCancellation);

        // Both pages are loopback origins, which the gateway allows by default; configuring one allows only that one.
        await using var silo = await SiloProcess.StartAsync(
            TestCancellation,
            (_, environment) => environment["TaskActors__Gateway__AllowedOrigins__0"] = allowedPages.Origin);

        var allowed = await McpClientPage.RunAsync(allowedPages, silo.McpUrl, "hello from the allowed origin", TestCancellation);
        var other = await McpClientPage.RunAsync(otherPages, silo.McpUrl, "hello from another origin", TestCancellation);
        Output.WriteLine($"From the allowed origin {allowedPages.Origin}: {allowed.Json}");
        Output.WriteLine($"From another origin {otherPages.Origin}: {other.Json}");

        Assert.Equal(allowedPages.Origin, allowed.Origin);
        Assert.Null(allowed.Error);
        Assert.Equal("done", allowed.Stage);
        Assert.Equal(200, allowed.InitializeStatus);
        Assert.False(string.IsNullOrEmpty(allowed.SessionId), "The page could not read Mcp-Session-Id from the initialize response.");
        Assert.Equal("2025-11-25", allowed.ProtocolVersion);
        Assert.Equal(202, allowed.InitializedStatus);
        Assert.Equal(200, allowed.ToolsListStatus);
        Assert.Contains("slow_echo", allowed.Tools!);
        Assert.Equal(200, allowed.ToolsCallStatus);
        Assert.False(allowed.CallIsError);
        Assert.Equal("hello from the allowed origin", allowed.CallText);
        Assert.Equal(200, allowed.DeleteStatus);

        // The preflight of the first request is refused (no CORS headers), so the browser never sends it and the page
        // learns nothing but a TypeError.
        Assert.Equal(otherPages.Origin, other.Origin);
        Assert.Equal("initialize", other.Stage);
        Assert.Equal("TypeError", other.Error?.Name);
        Assert.Null(other.InitializeStatus);
        Assert.Null(other.SessionId);
    }
}
