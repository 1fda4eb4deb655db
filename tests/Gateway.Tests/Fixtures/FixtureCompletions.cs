using ModelContextProtocol.Protocol;
using TaskActors.Servers.Definition;

namespace TaskActors.Gateway.Tests.Fixtures;

/// <summary>Completes the <c>name</c> argument of the <c>greet</c> prompt from a fixed list, by prefix.</summary>
public static class FixtureCompletions
{
    public static readonly IReadOnlyList<string> Names = ["Ada", "Alan", "Grace"];

    public static ValueTask<CompleteResult> CompleteAsync(CompleteRequestParams request, McpServerContextInfo server, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        string[] values = request.Ref is PromptReference { Name: "greet" } && request.Argument.Name == "name"
            ? [.. Names.Where(n => n.StartsWith(request.Argument.Value ?? string.Empty, StringComparison.OrdinalIgnoreCase))]
            : [];
        return ValueTask.FromResult(new CompleteResult { Completion = new Completion { Values = values, Total = values.Length, HasMore = false } });
    }
}
