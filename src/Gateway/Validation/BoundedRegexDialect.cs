using Json.Schema;
using Json.Schema.Keywords;

namespace TaskActors.Gateway.Validation;

/// <summary>
/// JSON Schema draft 2020-12 as JsonSchema.Net defines it, except that <c>pattern</c> matches with a time limit: the
/// library's own regexes have none, and a caller's string must not make a tool's pattern backtrack for minutes.
/// </summary>
/// <remarks>
/// <c>patternProperties</c> keeps the library's regexes: <c>additionalProperties</c> finds it by its exact type, so it
/// cannot be replaced, and it matches only property names.
/// </remarks>
internal static class BoundedRegexDialect
{
    /// <summary>How long one pattern may take on one string.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>Draft 2020-12: every vocabulary (format as annotation), unknown keywords allowed, patterns bounded.</summary>
    public static readonly Dialect Draft202012 = new(Draft202012Keywords())
    {
        AllowUnknownKeywords = true,
        RefIgnoresSiblingKeywords = false,
    };

    private static IEnumerable<IKeywordHandler> Draft202012Keywords() =>
        new[]
        {
            Vocabulary.Draft202012_Core,
            Vocabulary.Draft202012_Applicator,
            Vocabulary.Draft202012_Unevaluated,
            Vocabulary.Draft202012_Validation,
            Vocabulary.Draft202012_MetaData,
            Vocabulary.Draft202012_FormatAnnotation,
            Vocabulary.Draft202012_Content,
        }
        .SelectMany(v => v.Keywords)
        // 8.0.5's applicator vocabulary lists no "then" (its own 2020-12 dialect has it), so it is added here.
        .Append(ThenKeyword.Instance)
        .DistinctBy(k => k.Name, StringComparer.Ordinal)
        .Select(k => k is PatternKeyword ? new TimedPatternKeyword() : k);
}
