using Microsoft.Extensions.Options;
using TaskActors.Gateway.Tests.Infrastructure;
using Xunit;

namespace TaskActors.Gateway.Tests.Auth;

public sealed class TokenProtectionConfigTests : GatewayTest
{
    [Fact]
    public async Task Silo_RefusesToStart_ListingEveryTokenProtectionProblem_WithoutKeyValues()
    {
        var settings = new Dictionary<string, string?>
        {
            ["TaskActors:TokenProtection:CurrentKeyId"] = "key2",
            ["TaskActors:TokenProtection:Keys:key1"] = "c2hvcnQ=",
            ["TaskActors:TokenProtection:Keys:bad.id"] = Convert.ToBase64String(new byte[32]),
        };

        var error = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => GatewayTestHost.StartCoHostedAsync(LoggerProvider, settings));

        Assert.Contains("CurrentKeyId 'key2' names no key", error.Message, StringComparison.Ordinal);
        Assert.Contains("Keys:key1 must be 32 random bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("key id 'bad.id'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2hvcnQ=", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silo_Starts_WithAValidKey()
    {
        var settings = new Dictionary<string, string?>
        {
            ["TaskActors:TokenProtection:CurrentKeyId"] = "key1",
            ["TaskActors:TokenProtection:Keys:key1"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        };

        await using var host = await GatewayTestHost.StartCoHostedAsync(LoggerProvider, settings);
        var client = await ConnectAsync(host);

        Assert.NotNull(client.SessionId);
    }
}
