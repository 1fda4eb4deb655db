using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using TaskActors.Gateway.JsonRpc;

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

    /// <summary>
    /// Reads an event id back (a client's <c>Last-Event-ID</c>, which anyone can forge); false, never an exception, for
    /// one this service did not write: every part must decode, the grain key of a POST stream must be a task key and its
    /// request id a JSON string or number.
    /// </summary>
    public static bool TryParse(string? eventId, out SseStreamId id, out long cursor)
    {
        id = null!;
        cursor = 0;
        var parts = eventId?.Split('.');
        if (parts is not { Length: 6 } || parts[0].Length != 1 || !Enum.IsDefined(typeof(SseStreamKind), (int)parts[0][0])
            || !long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out cursor)
            || !TryDecode(parts[2], out var grainKey) || !TryDecode(parts[3], out var requestIdText))
        {
            return false;
        }

        var kind = (SseStreamKind)parts[0][0];
        id = new SseStreamId(kind, grainKey, requestIdText, parts[1]);
        return kind == SseStreamKind.Session
            ? grainKey.Length > 0
            : Handlers.TaskKeyReader.IsShaped(grainKey) && IsRequestId(requestIdText);
    }

    private static bool TryDecode(string text, out string decoded)
    {
        decoded = string.Empty;
        var bytes = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (Base64Url.DecodeFromChars(text, bytes, out _, out var written) != OperationStatus.Done || !Utf8.IsValid(bytes.AsSpan(0, written)))
        {
            return false;
        }

        decoded = Encoding.UTF8.GetString(bytes, 0, written);
        return true;
    }

    /// <summary>Whether <paramref name="text"/> is one JSON string (with Unicode text) or number: a JSON-RPC request id.</summary>
    private static bool IsRequestId(string text)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
        try
        {
            return reader.Read()
                && (reader.TokenType == JsonTokenType.Number || (reader.TokenType == JsonTokenType.String && JsonTextCheck.Problem(reader.ValueSpan) is null))
                && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
