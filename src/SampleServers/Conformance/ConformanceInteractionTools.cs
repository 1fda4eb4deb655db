using System.ComponentModel;
using System.Globalization;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using TaskActors.Servers.Context;

namespace TaskActors.SampleServers.Conformance;

/// <summary>
/// The conformance suite's tools that talk to the client while they run: log messages, progress, sampling. Everything
/// is awaited before the result, so it reaches the client on the call's own stream ahead of the response.
/// </summary>
[McpServerToolType]
internal sealed class ConformanceInteractionTools
{
    /// <summary>The log messages of <c>test_tool_with_logging</c>, in order.</summary>
    public static readonly IReadOnlyList<string> LogMessages = ["Tool execution started", "Tool processing data", "Tool execution completed"];

    /// <summary>The progress values of <c>test_tool_with_progress</c>, out of <see cref="ProgressTotal"/>.</summary>
    public static readonly IReadOnlyList<int> ProgressSteps = [0, 50, 100];

    /// <summary>The total of <c>test_tool_with_progress</c>'s progress.</summary>
    public const int ProgressTotal = 100;

    [McpServerTool(Name = "test_tool_with_logging")]
    [Description("Tests tool that emits log messages during execution")]
    public static async Task<string> ToolWithLogging(McpTaskContext context)
    {
        foreach (var message in LogMessages)
        {
            await context.LogAsync(LoggingLevel.Info, message);
        }

        return "Tool with logging executed successfully";
    }

    /// <remarks>The result is the request's progress token as text, the token keeping its JSON type on the notifications.</remarks>
    [McpServerTool(Name = "test_tool_with_progress")]
    [Description("Tests tool that reports progress notifications")]
    public static async Task<string> ToolWithProgress(McpServer server, RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        if (request.Params?.ProgressToken is not { } token)
        {
            return "No progress token provided";
        }

        foreach (var step in ProgressSteps)
        {
            var value = new ProgressNotificationValue
            {
                Progress = step,
                Total = ProgressTotal,
                Message = string.Create(CultureInfo.InvariantCulture, $"Completed step {step} of {ProgressTotal}"),
            };
            await server.NotifyProgressAsync(token, value, cancellationToken: cancellationToken);
        }

        return token.ToString() ?? string.Empty;
    }

    [McpServerTool(Name = "test_sampling")]
    [Description("Tests server-initiated sampling (LLM completion request)")]
    public static async Task<string> Sampling(McpServer server, [Description("The prompt to send to the LLM")] string prompt, CancellationToken cancellationToken)
    {
        var result = await server.SampleAsync(
            new CreateMessageRequestParams
            {
                Messages = [new SamplingMessage { Role = Role.User, Content = [new TextContentBlock { Text = prompt }] }],
                MaxTokens = 100,
            },
            cancellationToken);
        var text = result.Content.OfType<TextContentBlock>().FirstOrDefault()?.Text ?? "No response";
        return $"LLM response: {text}";
    }
}
