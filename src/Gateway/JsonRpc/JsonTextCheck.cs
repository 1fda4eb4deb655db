using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;

namespace TaskActors.Gateway.JsonRpc;

/// <summary>
/// Finds what <see cref="JsonDocument"/> accepts but a request must not hold: a string or property name without Unicode
/// text (invalid UTF-8, or an escaped lone UTF-16 surrogate such as <c>"\ud800"</c>, on which
/// <see cref="JsonElement.GetString"/> throws), and a member named twice in one object (which of two "name"s would a
/// handler read, and which would a validator check?). Checking once where a request is parsed lets everything after read
/// strings safely. (The document's own duplicate check is not used: it unescapes names first, and throws on a lone surrogate.)
/// </summary>
internal static class JsonTextCheck
{
    /// <summary>Property names longer than this are cut in the path a problem is reported at.</summary>
    private const int MaxNameShown = 40;

    /// <summary>The first problem in <paramref name="element"/> (<c>the string at $.params.name is not valid UTF-8</c>), or null.</summary>
    public static string? FindProblem(JsonElement element, string path = "$")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Problem(JsonMarshal.GetRawUtf8Value(element)) is { } problem ? $"the string at {path} {problem}" : null;
            case JsonValueKind.Object:
                HashSet<string>? names = null;
                foreach (var property in element.EnumerateObject())
                {
                    if (Problem(JsonMarshal.GetRawUtf8PropertyName(property)) is { } nameProblem)
                    {
                        return $"a property name in {path} {nameProblem}";
                    }

                    names ??= new HashSet<string>(StringComparer.Ordinal);
                    if (!names.Add(property.Name))
                    {
                        return $"{Append(path, property.Name)} appears twice";
                    }

                    if (FindProblem(property.Value, Append(path, property.Name)) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FindProblem(item, $"{path}[{index++}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>What is wrong with raw (still escaped) JSON string text, quoted or not, or null when it is Unicode text.</summary>
    public static string? Problem(ReadOnlySpan<byte> raw)
    {
        if (raw.Length >= 2 && raw[0] == (byte)'"')
        {
            raw = raw[1..^1];
        }

        if (!Utf8.IsValid(raw))
        {
            return "is not valid UTF-8";
        }

        // Unescaped text is valid UTF-8, which encodes no surrogates: a lone one can only be written as an escape.
        var pendingHigh = false;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != (byte)'\\')
            {
                if (pendingHigh)
                {
                    return "has a lone UTF-16 surrogate";
                }

                continue;
            }

            var escaped = raw[++i];
            if (escaped != (byte)'u')
            {
                if (pendingHigh)
                {
                    return "has a lone UTF-16 surrogate";
                }

                continue;
            }

            var unit = ReadHex(raw.Slice(i + 1, 4));
            i += 4;
            var isHigh = unit is >= 0xD800 and <= 0xDBFF;
            var isLow = unit is >= 0xDC00 and <= 0xDFFF;
            if (pendingHigh != isLow)
            {
                return "has a lone UTF-16 surrogate";
            }

            pendingHigh = isHigh;
        }

        return pendingHigh ? "has a lone UTF-16 surrogate" : null;
    }

    private static int ReadHex(ReadOnlySpan<byte> digits)
    {
        // The reader accepted the document, so these are four hex digits.
        var value = 0;
        foreach (var digit in digits)
        {
            value = (value << 4) | (digit <= '9' ? digit - '0' : (digit | 0x20) - 'a' + 10);
        }

        return value;
    }

    private static string Append(string path, string name)
    {
        var shown = name.Length > MaxNameShown ? name[..MaxNameShown] + "…" : name;
        return shown.Length > 0 && shown.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$')
            ? $"{path}.{shown}"
            : $"{path}[\"{JsonEncodedText.Encode(shown).Value}\"]";
    }
}
