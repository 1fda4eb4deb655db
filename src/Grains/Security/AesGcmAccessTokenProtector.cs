using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TaskActors.Grains.Abstractions;
using TaskActors.Grains.Abstractions.Tasks;

namespace TaskActors.Grains.Security;

/// <summary>
/// AES-256-GCM over the snapshot's JSON: <c>v1.{keyId}.{base64url(nonce | ciphertext | tag)}</c>, with the key id as
/// associated data so a record cannot be re-labelled with another key.
/// </summary>
internal sealed partial class AesGcmAccessTokenProtector : IAccessTokenProtector
{
    private const string Version = "v1";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly Dictionary<string, byte[]> _keys = new(StringComparer.Ordinal);
    private readonly string _currentKeyId;

    public AesGcmAccessTokenProtector(IOptions<TokenProtectionOptions> options, ILogger<AesGcmAccessTokenProtector> logger)
    {
        foreach (var (id, key) in options.Value.Keys)
        {
            _keys[id] = Convert.FromBase64String(key);
        }

        if (options.Value.CurrentKeyId is { } current)
        {
            _currentKeyId = current;
        }
        else
        {
            _currentKeyId = "ephemeral-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
            _keys[_currentKeyId] = RandomNumberGenerator.GetBytes(32);
            LogEphemeralKey(logger, _currentKeyId);
        }
    }

    public string Protect(AccessTokenSnapshot token)
    {
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(token, GrainsAbstractionsJsonContext.Default.AccessTokenSnapshot);
        var output = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[_currentKeyId], TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize, plaintext.Length), output.AsSpan(NonceSize + plaintext.Length), Encoding.UTF8.GetBytes(_currentKeyId));
        CryptographicOperations.ZeroMemory(plaintext);
        return $"{Version}.{_currentKeyId}.{Base64Url.EncodeToString(output)}";
    }

    public AccessTokenSnapshot Unprotect(string protectedToken)
    {
        var parts = protectedToken.Split('.');
        if (parts.Length != 3 || parts[0] != Version)
        {
            throw new CryptographicException("The protected token is not in the v1 format.");
        }

        if (!_keys.TryGetValue(parts[1], out var key))
        {
            throw new CryptographicException($"The protected token uses key '{parts[1]}', which is not configured.");
        }

        byte[] input;
        try
        {
            input = Base64Url.DecodeFromChars(parts[2]);
        }
        catch (FormatException ex)
        {
            throw new CryptographicException("The protected token is not valid base64url.", ex);
        }

        if (input.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The protected token is truncated.");
        }

        var plaintext = new byte[input.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize, plaintext.Length), input.AsSpan(input.Length - TagSize), plaintext, Encoding.UTF8.GetBytes(parts[1]));
        try
        {
            return JsonSerializer.Deserialize(plaintext, GrainsAbstractionsJsonContext.Default.AccessTokenSnapshot)
                ?? throw new CryptographicException("The protected token is empty.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No token protection key is configured; access tokens in task state use the process-local key {KeyId} and cannot be read by other silos or after a restart")]
    private static partial void LogEphemeralKey(ILogger logger, string keyId);
}
