using ModelContextProtocol.Protocol;
using Xunit;

namespace TaskActors.SampleServers.Tests.Harness;

/// <summary>Reading tool results in assertions.</summary>
internal static class ToolResults
{
    /// <summary>The text of a result that must consist of exactly one text block.</summary>
    public static string SingleText(this CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
}
