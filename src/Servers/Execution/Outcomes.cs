using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using TaskActors.Grains.Abstractions.Tasks;

namespace TaskActors.Servers.Execution;

/// <summary>Builds the outcomes of tool runs that did not return normally.</summary>
internal static class Outcomes
{
    public static TaskOutcome Error(McpErrorCode code, string message) => new()
    {
        Error = new TaskError { Code = (int)code, Message = message },
        Summary = message,
    };

    public static TaskOutcome ErrorResult(string message) => new()
    {
        Result = JsonSerializer.SerializeToElement(
            new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = message }] },
            McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolResult))),
        IsError = true,
        Summary = message,
    };
}
