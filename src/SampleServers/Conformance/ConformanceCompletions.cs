using ModelContextProtocol.Protocol;
using TaskActors.Servers.Definition;

namespace TaskActors.SampleServers.Conformance;

/// <summary>Completes the arguments of <c>test_prompt_with_arguments</c> (completion/complete).</summary>
internal static class ConformanceCompletions
{
    /// <summary>The candidate values per argument of <c>test_prompt_with_arguments</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> PromptArgumentValues = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["arg1"] = ["testValue1", "test-alpha", "other-alpha"],
        ["arg2"] = ["testValue2", "test-beta", "other-beta"],
    };

    /// <summary>
    /// The candidates of the referenced prompt argument that start with the typed value (case-insensitively); no values
    /// for any other reference, as the spec allows.
    /// </summary>
    public static ValueTask<CompleteResult> CompleteAsync(CompleteRequestParams request, McpServerContextInfo server, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        string[] values = request.Ref is PromptReference { Name: "test_prompt_with_arguments" } && PromptArgumentValues.TryGetValue(request.Argument.Name, out var candidates)
            ? [.. candidates.Where(c => c.StartsWith(request.Argument.Value ?? string.Empty, StringComparison.OrdinalIgnoreCase))]
            : [];
        return ValueTask.FromResult(new CompleteResult { Completion = new Completion { Values = values, Total = values.Length, HasMore = false } });
    }
}
