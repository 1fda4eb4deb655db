using System.Net;
using System.Text.Json;
using TaskActors.EndToEnd.Tests.Dashboard;

namespace TaskActors.EndToEnd.Tests.Browser;

/// <summary>
/// tests/e2e/browser/mcp-client.html, a browser-based MCP client in plain <c>fetch</c>: served by a
/// <see cref="PageServer"/>, opened in headless chromium, and read back from the <c>#result</c> it writes.
/// </summary>
public static class McpClientPage
{
    private const string ResultStart = "<pre id=\"result\">";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Virtual time for the page's script. Chromium does not advance it while a fetch is pending, so this bounds only
    /// the idle time after the last request, not how long the MCP calls take.
    /// </summary>
    private static readonly TimeSpan ScriptTime = TimeSpan.FromSeconds(5);

    public static string PageFile => Path.Combine(RepositoryPaths.E2eDirectory, "browser", "mcp-client.html");

    /// <summary>
    /// Opens the page from <paramref name="pages"/> against <paramref name="mcpUrl"/>, asking <c>slow_echo</c> for
    /// <paramref name="text"/>, and returns what it wrote; fails with the DOM when it wrote no summary.
    /// </summary>
    public static async Task<McpClientPageSummary> RunAsync(PageServer pages, string mcpUrl, string text, CancellationToken cancellationToken)
    {
        var url = $"{pages.Origin}/?mcp={Uri.EscapeDataString(mcpUrl)}&text={Uri.EscapeDataString(text)}";
        var dom = await HeadlessChromium.DumpDomAsync(url, ScriptTime, cancellationToken);
        var from = dom.IndexOf(ResultStart, StringComparison.Ordinal);
        var to = from < 0 ? -1 : dom.IndexOf("</pre>", from, StringComparison.Ordinal);
        var json = to < 0 ? string.Empty : WebUtility.HtmlDecode(dom[(from + ResultStart.Length)..to]);
        if (!json.StartsWith('{'))
        {
            throw new InvalidOperationException($"The page {url} wrote no summary into #result. Its DOM:\n{dom}");
        }

        return JsonSerializer.Deserialize<McpClientPageSummary>(json, Json)! with { Json = json };
    }
}

/// <summary>
/// What the page saw: how far it got (<see cref="Stage"/> is <c>done</c> when every request was answered), each
/// response's status, the session id read from the response header, the tools listed, the echoed text, and the error
/// that stopped it, if any.
/// </summary>
public sealed record McpClientPageSummary(
    string Origin,
    string Stage,
    int? InitializeStatus,
    string? SessionId,
    string? ProtocolVersion,
    int? InitializedStatus,
    int? ToolsListStatus,
    IReadOnlyList<string>? Tools,
    int? ToolsCallStatus,
    bool? CallIsError,
    string? CallText,
    int? DeleteStatus,
    McpClientPageError? Error)
{
    /// <summary>The summary as the page wrote it (for failure messages).</summary>
    public string Json { get; init; } = string.Empty;
}

/// <summary>The error a request of the page failed with: a browser that refuses a request under CORS throws <c>TypeError</c>.</summary>
public sealed record McpClientPageError(string Name, string Message);
