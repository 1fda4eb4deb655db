using Microsoft.Extensions.Options;
using Xunit;

namespace TaskActors.Gateway.Tests.Auth;

public sealed class AuthConfigTests : GatewayTest
{
    [Fact]
    public async Task JwtMode_WithoutIssuerAudienceOrKeys_RefusesToStart_ListingEveryProblem()
    {
        var error = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => StartAsync(new Dictionary<string, string?> { ["TaskActors:Auth:Mode"] = "Jwt" }));

        Assert.Contains("Auth:Issuer is required in Jwt mode", error.Message, StringComparison.Ordinal);
        Assert.Contains("Auth:Audience must be this server's absolute resource URI", error.Message, StringComparison.Ordinal);
        Assert.Contains("Jwt mode needs signing keys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JwtMode_WithSeveralSourcesOfSigningKeys_RefusesToStart_NamingThem()
    {
        using var tokens = new TokenFixture();
        var settings = tokens.Settings();
        settings["TaskActors:Auth:JwksUri"] = "https://keys.test/jwks";

        var error = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => StartAsync(settings));

        Assert.Contains("exactly one source of signing keys, but Auth:JwksUri, Auth:Jwks are all set", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("but Auth:Authority", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Authority", "https://login.test")]
    [InlineData("JwksUri", "https://keys.test/jwks")]
    [InlineData("Jwks", """{"keys":[]}""")]
    public async Task JwtMode_WithExactlyOneSourceOfSigningKeys_Starts(string source, string value)
    {
        var settings = new Dictionary<string, string?>
        {
            ["TaskActors:Auth:Mode"] = "Jwt",
            ["TaskActors:Auth:Issuer"] = TokenFixture.Issuer,
            ["TaskActors:Auth:Audience"] = TokenFixture.Audience,
            [$"TaskActors:Auth:{source}"] = value,
        };

        await using var host = await StartAsync(settings);

        Assert.NotNull(host.Services);
    }
}
