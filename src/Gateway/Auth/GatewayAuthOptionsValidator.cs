using Microsoft.Extensions.Options;

namespace TaskActors.Gateway.Auth;

/// <summary>Validates <see cref="GatewayAuthOptions"/>: Jwt mode needs an issuer, an audience and exactly one source of signing keys.</summary>
internal sealed class GatewayAuthOptionsValidator : IValidateOptions<GatewayAuthOptions>
{
    private const string Prefix = "TaskActors:" + GatewayAuthOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, GatewayAuthOptions options)
    {
        if (options.Mode != AuthMode.Jwt)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            failures.Add($"{Prefix}Issuer is required in Jwt mode (the 'iss' tokens must carry).");
        }

        if (!Uri.TryCreate(options.Audience, UriKind.Absolute, out _))
        {
            failures.Add($"{Prefix}Audience must be this server's absolute resource URI in Jwt mode (the 'aud' tokens must carry), e.g. https://mcp.example.com/mcp.");
        }

        var sources = new (string Name, string? Value)[]
            {
                ("Auth:Authority", options.Authority), ("Auth:JwksUri", options.JwksUri), ("Auth:JwksFile", options.JwksFile), ("Auth:Jwks", options.Jwks),
            }
            .Where(s => !string.IsNullOrWhiteSpace(s.Value))
            .Select(s => s.Name)
            .ToList();
        if (sources.Count == 0)
        {
            failures.Add($"{Prefix}Authority, {Prefix}JwksUri, {Prefix}JwksFile or {Prefix}Jwks: Jwt mode needs signing keys from one of them.");
        }
        else if (sources.Count > 1)
        {
            failures.Add($"{Prefix}{{Authority,JwksUri,JwksFile,Jwks}}: Jwt mode takes exactly one source of signing keys, but {string.Join(", ", sources)} are all set; keep one.");
        }

        if (!string.IsNullOrWhiteSpace(options.JwksFile) && !File.Exists(options.JwksFile))
        {
            failures.Add($"{Prefix}JwksFile '{options.JwksFile}' does not exist.");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{Prefix}ClockSkew must be between 0 and 5 minutes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
