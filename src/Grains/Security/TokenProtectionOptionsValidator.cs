using Microsoft.Extensions.Options;

namespace TaskActors.Grains.Security;

/// <summary>Validates <see cref="TokenProtectionOptions"/>, reporting every failure with its key (never a key's value).</summary>
internal sealed class TokenProtectionOptionsValidator : IValidateOptions<TokenProtectionOptions>
{
    private const string Prefix = "TaskActors:" + TokenProtectionOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, TokenProtectionOptions options)
    {
        var failures = new List<string>();
        foreach (var (id, key) in options.Keys)
        {
            if (!IsValidKeyId(id))
            {
                failures.Add($"{Prefix}Keys: key id '{id}' must be 1-64 ASCII letters, digits, '-' or '_'.");
            }

            if (!IsAes256Key(key))
            {
                failures.Add($"{Prefix}Keys:{id} must be 32 random bytes in base64 (for example from `openssl rand -base64 32`).");
            }
        }

        if (options.CurrentKeyId is { } current && !options.Keys.ContainsKey(current))
        {
            failures.Add($"{Prefix}CurrentKeyId '{current}' names no key in {Prefix}Keys.");
        }

        if (options.CurrentKeyId is null && options.Keys.Count > 0)
        {
            failures.Add($"{Prefix}CurrentKeyId is required when {Prefix}Keys are configured.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsValidKeyId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static bool IsAes256Key(string key)
    {
        Span<byte> bytes = stackalloc byte[48];
        return Convert.TryFromBase64String(key, bytes, out var written) && written == 32;
    }
}
