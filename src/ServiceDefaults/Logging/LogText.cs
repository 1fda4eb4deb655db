using System.Globalization;
using System.Text;

namespace TaskActors.ServiceDefaults.Logging;

/// <summary>
/// Makes text safe for one log line: control characters (NUL, CR, LF, ESC and the rest of C0 and C1, DEL, and the
/// Unicode line and paragraph separators) become visible escapes such as <c>\n</c>, <c>\e</c> or <c>\u0000</c>, and text
/// past a bound is cut with a marker saying how much was left out. Backslashes are kept as they are, so paths and JSON
/// stay readable; what matters for a log is that no value can end a line, forge another, or drive the terminal.
/// </summary>
internal static class LogText
{
    /// <summary>Appends <paramref name="text"/> to <paramref name="output"/>, escaped, keeping at most <paramref name="maxLength"/> of its characters.</summary>
    public static void Append(StringBuilder output, ReadOnlySpan<char> text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(output);
        var kept = Math.Min(text.Length, Math.Max(0, maxLength));
        var from = 0;
        for (var i = 0; i < kept; i++)
        {
            if (NeedsEscape(text[i]))
            {
                output.Append(text[from..i]);
                AppendEscape(output, text[i]);
                from = i + 1;
            }
        }

        output.Append(text[from..kept]);
        if (kept < text.Length)
        {
            output.Append("…(+").Append((text.Length - kept).ToString(CultureInfo.InvariantCulture)).Append(" chars)");
        }
    }

    /// <summary>Returns <paramref name="text"/> escaped and bounded (see <see cref="Append"/>), or itself when nothing needed changing.</summary>
    public static string Escape(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= maxLength && !text.AsSpan().ContainsAny(ControlCharacters))
        {
            return text;
        }

        var output = new StringBuilder(Math.Min(text.Length, maxLength) + 16);
        Append(output, text, maxLength);
        return output.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> ControlCharacters = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(c => (char)c), .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c), '\u2028', '\u2029']);

    private static bool NeedsEscape(char c) => ControlCharacters.Contains(c);

    private static void AppendEscape(StringBuilder output, char c) => _ = c switch
    {
        '\n' => output.Append("\\n"),
        '\r' => output.Append("\\r"),
        '\t' => output.Append("\\t"),
        '\u001b' => output.Append("\\e"),
        _ => output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
    };
}
