using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TaskActors.Gateway.Http;

/// <summary>
/// Identifies an SSE stream in its event ids: <c>{kind}.{nonce}.{grain}.{request}.{cursor}.{n}</c>. The grain and the
/// request id it answers (base64url) and the cursor let any gateway replica resume the stream from
/// <c>Last-Event-ID</c>; the nonce and counter make every id unique within the session.
/// </summary>
/// <param name="Kind">What the stream relays.</param>
/// <param name="GrainKey">The grain whose messages it relays (a task grain key; the session id for session streams).</param>
/// <param name="RequestIdText">The JSON text of the request id the stream answers; empty for session streams.</param>
/// <param name="Nonce">Random per stream.</param>
internal sealed record SseStreamId(SseStreamKind Kind, string GrainKey, string RequestIdText, string Nonce)
{
    public static SseStreamId New(SseStreamKind kind, string grainKey, string requestIdText = "") =>
        new(kind, grainKey, requestIdText, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));

    public string Format(long cursor, long eventNumber) =>
        string.Create(CultureInfo.InvariantCulture, $"{(char)Kind}.{Nonce}.{Encode(GrainKey)}.{Encode(RequestIdText)}.{cursor}.{eventNumber}");

    private static string Encode(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    /// <summary>Reads an event id back; false for ids this service did not write.</summary>
    public static bool TryParse(string? eventId, out SseStreamId id, out long cursor)
    {
        id = null!;
        cursor = 0;
        var parts = eventId?.Split('.');
        if (parts is not { Length: 6 } || parts[0].Length != 1 || !Enum.IsDefined(typeof(SseStreamKind), (int)parts[0][0])
            || !long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out cursor))
        {
            return false;
        }

        try
        {
            var kind = (SseStreamKind)parts[0][0];
            id = new SseStreamId(kind, Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[2])), Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[3])), parts[1]);
            return id.GrainKey.Length > 0 && (kind == SseStreamKind.Session || id.RequestIdText.Length > 0);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
