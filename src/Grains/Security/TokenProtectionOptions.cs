namespace TaskActors.Grains.Security;

/// <summary>
/// The AES-GCM keys that encrypt access tokens in task state. Keys are identified so they can rotate: new tokens use
/// <see cref="CurrentKeyId"/>, old ones stay readable while their key is listed.
/// </summary>
public sealed class TokenProtectionOptions
{
    /// <summary>The configuration section (under <c>TaskActors</c>).</summary>
    public const string SectionName = "TokenProtection";

    /// <summary>The key new tokens are encrypted with. Default: none, which uses a random key for this process only (development).</summary>
    public string? CurrentKeyId { get; set; }

    /// <summary>Keys by id, each 32 random bytes in base64 (AES-256). Default: none.</summary>
    public Dictionary<string, string> Keys { get; set; } = [];
}
