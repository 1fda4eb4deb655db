using System.Buffers.Text;
using System.Security.Cryptography;

namespace TaskActors.Gateway.Sessions;

/// <summary>Session and task ids: cryptographically random, visible ASCII only.</summary>
internal static class SessionIds
{
    /// <summary>A new session id: 256 random bits, base64url (43 characters).</summary>
    public static string NewSessionId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>A new task id: 128 random bits, lower-case hex (32 characters).</summary>
    public static string NewTaskId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Whether a header value could be a session id we issued (bounded, visible ASCII).</summary>
    public static bool IsWellFormed(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 128 && value.All(c => c is >= (char)0x21 and <= (char)0x7E);
}
