using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema.Keywords;

namespace TaskActors.Gateway.Validation;

/// <summary><c>pattern</c> as the library evaluates it, with the regex rebuilt under <see cref="BoundedRegexDialect.MatchTimeout"/>.</summary>
internal sealed class TimedPatternKeyword : PatternKeyword
{
    /// <inheritdoc/>
    public override object? ValidateKeywordValue(JsonElement value) => base.ValidateKeywordValue(value) switch
    {
        Regex regex => WithTimeout(regex),
        var other => other,
    };

    /// <summary>The same pattern and options, matched under the time limit.</summary>
    public static Regex WithTimeout(Regex regex) => new(regex.ToString(), regex.Options, BoundedRegexDialect.MatchTimeout);
}
