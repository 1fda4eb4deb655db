using System.Buffers.Text;
using System.Globalization;
using System.Text;
using TaskActors.Gateway.JsonRpc;
using TaskActors.Gateway.Protocol;

namespace TaskActors.Gateway.Handlers;

/// <summary>Opaque cursors over ordered lists (tools, prompts, resources).</summary>
internal static class Pagination
{
    public static (IReadOnlyList<T> Items, string? NextCursor) Page<T>(IReadOnlyList<T> items, string? cursor, int pageSize)
    {
        var offset = cursor is null ? 0 : Decode(cursor);
        if (offset > items.Count)
        {
            throw InvalidCursor();
        }

        var page = items.Skip(offset).Take(pageSize).ToList();
        var next = offset + page.Count < items.Count ? Encode(offset + page.Count) : null;
        return (page, next);
    }

    private static string Encode(int offset) =>
        "p1." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(offset.ToString(CultureInfo.InvariantCulture)));

    private static int Decode(string cursor)
    {
        try
        {
            if (cursor.StartsWith("p1.", StringComparison.Ordinal)
                && int.TryParse(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor.AsSpan(3))), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Reported below.
        }

        throw InvalidCursor();
    }

    private static McpRequestException InvalidCursor() => new(McpErrorCodes.InvalidParams, "Invalid params: the cursor is not one this server issued.");
}
