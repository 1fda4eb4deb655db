using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TaskActors.Grains.Abstractions.Tasks;
using TaskActors.Grains.Security;
using Xunit;

namespace TaskActors.Grains.Tests.Security;

public sealed class AesGcmAccessTokenProtectorTests
{
    private static readonly string Key1 = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string Key2 = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static readonly AccessTokenSnapshot Token = new()
    {
        Token = "header.payload.signature",
        ClientId = "demo",
        Subject = "alice",
        Scopes = ["mcp:tools", "read"],
        ExpiresAt = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero),
        Claims = new Dictionary<string, string> { ["iss"] = "https://issuer.test", ["sub"] = "alice" },
    };

    [Fact]
    public void RoundTrip_RestoresEverySnapshotField_WithoutTheTokenInTheRecord()
    {
        var protector = Protector("key1", ("key1", Key1));

        var record = protector.Protect(Token);
        var restored = protector.Unprotect(record);

        Assert.StartsWith("v1.key1.", record, StringComparison.Ordinal);
        Assert.DoesNotContain("signature", record, StringComparison.Ordinal);
        Assert.Equal(Token.Token, restored.Token);
        Assert.Equal(Token.ClientId, restored.ClientId);
        Assert.Equal(Token.Subject, restored.Subject);
        Assert.Equal(Token.Scopes, restored.Scopes);
        Assert.Equal(Token.ExpiresAt, restored.ExpiresAt);
        Assert.Equal(Token.Claims, restored.Claims);
    }

    [Fact]
    public void AfterKeyRotation_OldRecordsStillDecrypt_AndNewOnesUseTheNewKey()
    {
        var old = Protector("key1", ("key1", Key1)).Protect(Token);
        var rotated = Protector("key2", ("key1", Key1), ("key2", Key2));

        var restored = rotated.Unprotect(old);
        var fresh = rotated.Protect(Token);

        Assert.Equal(Token.Token, restored.Token);
        Assert.StartsWith("v1.key2.", fresh, StringComparison.Ordinal);
        Assert.Equal(Token.Token, rotated.Unprotect(fresh).Token);
    }

    [Fact]
    public void UnknownKeyId_FailsCleanly_NamingTheKey()
    {
        var record = Protector("key1", ("key1", Key1)).Protect(Token);
        var other = Protector("key2", ("key2", Key2));

        var error = Assert.Throws<CryptographicException>(() => other.Unprotect(record));

        Assert.Contains("'key1'", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> Tamperings => ["ciphertext", "tag", "nonce", "key-id-label", "truncated", "version"];

    [Theory]
    [MemberData(nameof(Tamperings))]
    public void TamperedRecord_Fails(string part)
    {
        // Both keys are configured, so a relabelled record names a key that exists: only the associated data refuses it.
        var protector = Protector("key1", ("key1", Key1), ("key2", Key1));
        var record = protector.Protect(Token);
        var segments = record.Split('.');
        var bytes = Base64Url.DecodeFromChars(segments[2]);
        var tampered = part switch
        {
            "ciphertext" => Flip(segments, bytes, 12),
            "tag" => Flip(segments, bytes, bytes.Length - 1),
            "nonce" => Flip(segments, bytes, 0),
            "key-id-label" => $"v1.key2.{segments[2]}",
            "truncated" => $"v1.key1.{Base64Url.EncodeToString(bytes.AsSpan(0, 20))}",
            _ => $"v2.key1.{segments[2]}",
        };

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(tampered));
    }

    [Theory]
    [InlineData("v1.key1.!!not base64!!")]
    [InlineData("v1.key1.a")]
    [InlineData("garbage")]
    [InlineData("")]
    public void MalformedRecord_FailsCleanly_AsUndecryptable(string record)
    {
        var protector = Protector("key1", ("key1", Key1));

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(record));
    }

    private static string Flip(string[] segments, byte[] bytes, int index)
    {
        bytes[index] ^= 0x01;
        return $"{segments[0]}.{segments[1]}.{Base64Url.EncodeToString(bytes)}";
    }

    private static AesGcmAccessTokenProtector Protector(string current, params (string Id, string Key)[] keys)
    {
        var options = new TokenProtectionOptions { CurrentKeyId = current };
        foreach (var (id, key) in keys)
        {
            options.Keys[id] = key;
        }

        return new AesGcmAccessTokenProtector(Options.Create(options), NullLogger<AesGcmAccessTokenProtector>.Instance);
    }
}
