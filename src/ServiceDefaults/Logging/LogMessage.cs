using System.Collections;
using System.Globalization;
using System.Text;

namespace TaskActors.ServiceDefaults.Logging;

/// <summary>
/// Renders a structured log message (its <c>{OriginalFormat}</c> template and values) with every value escaped and
/// bounded by <see cref="LogText"/>; the template is the code's own and is kept as written.
/// </summary>
internal static class LogMessage
{
    /// <summary>The key under which Microsoft.Extensions.Logging keeps a message's template.</summary>
    public const string OriginalFormatKey = "{OriginalFormat}";

    /// <summary>
    /// Appends the message of <paramref name="state"/> when it is structured (values followed by the template), each
    /// value cut at <paramref name="maxValueLength"/>; false, with nothing appended, when it is not or does not parse.
    /// </summary>
    public static bool TryAppend(StringBuilder output, object? state, int maxValueLength)
    {
        if (state is not IReadOnlyList<KeyValuePair<string, object?>> { Count: > 0 } values
            || values[^1] is not { Key: OriginalFormatKey, Value: string template })
        {
            return false;
        }

        var start = output.Length;
        var next = 0;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                output.Append(c);
                i++;
            }
            else if (c == '{')
            {
                var end = template.IndexOf('}', i + 1);
                if (end < 0 || next >= values.Count - 1)
                {
                    output.Length = start;
                    return false;
                }

                // A hole is {Name[,alignment][:format]}; values fill the holes in order, whatever their names.
                var hole = template.AsSpan(i + 1, end - i - 1);
                var spec = hole.IndexOfAny(',', ':');
                LogText.Append(output, Format(values[next++].Value, spec < 0 ? [] : hole[spec..]), maxValueLength);
                i = end;
            }
            else
            {
                output.Append(c);
            }
        }

        return true;
    }

    // As LogValuesFormatter formats: null as "(null)", sequences joined with ", ", the rest with the invariant culture.
    private static string Format(object? value, ReadOnlySpan<char> spec) => value switch
    {
        null => "(null)",
        string text when spec.IsEmpty => text,
        IEnumerable items and not string and not IFormattable =>
            string.Join(", ", items.Cast<object?>().Select(item => item?.ToString() ?? "(null)")),
        _ => string.Format(CultureInfo.InvariantCulture, "{0" + spec.ToString() + "}", value),
    };
}
