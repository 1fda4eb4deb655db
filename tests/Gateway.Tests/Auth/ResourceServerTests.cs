using System.Net;
using System.Text.Json;
using TaskActors.Gateway.Tests.Infrastructure;
using Xunit;

namespace TaskActors.Gateway.Tests.Auth;

public sealed class ResourceServerTests : GatewayTest
{
    private const string Ping = """{"jsonrpc":"2.0","id":1,"method":"ping"}""";
    private const string Initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""";

    [Fact]
    public async Task Request_WithoutToken_Is401_NamingTheResourceMetadata()
    {
        using var tokens = new TokenFixture();
        await using var host = await StartAsync(tokens.Settings());
        var client = host.CreateClient();

        using var response = await client.PostAsync(Initialize, cancellationToken: TestCancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = response.Headers.WwwAuthenticate.ToString();
        Assert.StartsWith("Bearer ", challenge, StringComparison.Ordinal);
        Assert.Contains("resource_metadata=\"http://localhost/.well-known/oauth-protected-resource/mcp\"", challenge, StringComparison.Ordinal);
        Assert.DoesNotContain("error=", challenge, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProtectedResourceMetadata_IsPublished_AtTheWellKnownPaths()
    {
        using var tokens = new TokenFixture();
        await using var host = await StartAsync(tokens.Settings(requiredScopes: "mcp:tools"));
        using var http = host.CreateHttpClient();

        var pathSpecific = JsonDocument.Parse(await http.GetStringAsync("/.well-known/oauth-protected-resource/mcp", TestCancellation)).RootElement;
        var root = JsonDocument.Parse(await http.GetStringAsync("/.well-known/oauth-protected-resource", TestCancellation)).RootElement;

        Assert.Equal(TokenFixture.Audience, pathSpecific.GetProperty("resource").GetString());
        Assert.Equal(TokenFixture.Issuer, pathSpecific.GetProperty("authorization_servers")[0].GetString());
        Assert.Equal("mcp:tools", pathSpecific.GetProperty("scopes_supported")[0].GetString());
        Assert.Equal("header", pathSpecific.GetProperty("bearer_methods_supported")[0].GetString());
        Assert.Equal(pathSpecific.GetRawText(), root.GetRawText());
    }

    [Fact]
    public async Task ProtectedResourceMetadata_IsAbsent_InAnonymousMode()
    {
        await using var host = await StartAsync();
        using var http = host.CreateHttpClient();

        using var response = await http.GetAsync("/.well-known/oauth-protected-resource/mcp", TestCancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public static TheoryData<string, string> BadTokens => new()
    {
        { "expired", "expired" },
        { "not-yet-valid", "not valid yet" },
        { "no-expiry", "no expiry" },
        { "wrong-audience", "audience" },
        { "wrong-issuer", "issuer" },
        { "foreign-key", "signature" },
        { "tampered", "signature" },
        { "garbage", "malformed" },
        { "no-client", "client" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Request_WithABadToken_Is401InvalidToken_AndCreatesNothing(string kind, string reason)
    {
        using var tokens = new TokenFixture();
        using var stranger = new TokenFixture();
        await using var host = await StartAsync(tokens.Settings());
        var token = kind switch
        {
            "expired" => tokens.Key.MintToken(new() { Issuer = TokenFixture.Issuer, Audience = TokenFixture.Audience, ClientId = "demo", Subject = "alice", IssuedAt = DateTimeOffset.UtcNow.AddHours(-2), Lifetime = TimeSpan.FromHours(1) }),
            "not-yet-valid" => tokens.Key.MintToken(new() { Issuer = TokenFixture.Issuer, Audience = TokenFixture.Audience, ClientId = "demo", Subject = "alice", IssuedAt = DateTimeOffset.UtcNow.AddHours(1), Lifetime = TimeSpan.FromHours(1) }),
            "no-expiry" => tokens.MintWithoutExpiry("demo", "alice"),
            "wrong-audience" => tokens.Mint("demo", "alice", audience: "http://elsewhere/mcp"),
            "wrong-issuer" => tokens.Mint("demo", "alice", issuer: "https://evil.test"),
            "foreign-key" => stranger.Mint("demo", "alice"),
            "tampered" => Tamper(tokens.Mint("demo", "alice")),
            "no-client" => tokens.Key.MintToken(new() { Issuer = TokenFixture.Issuer, Audience = TokenFixture.Audience, ClientId = "x", ExtraClaims = new Dictionary<string, object> { ["client_id"] = string.Empty } }),
            _ => "not.a.jwt",
        };
        var client = host.CreateClient();
        client.Headers["Authorization"] = $"Bearer {token}";

        using var response = await client.PostAsync(Initialize, cancellationToken: TestCancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = response.Headers.WwwAuthenticate.ToString();
        Assert.Contains("error=\"invalid_token\"", challenge, StringComparison.Ordinal);
        Assert.Contains(reason, challenge, StringComparison.OrdinalIgnoreCase);
        Assert.False(response.Headers.Contains("Mcp-Session-Id"));
    }

    [Fact]
    public async Task Request_WithoutARequiredScope_Is403InsufficientScope()
    {
        using var tokens = new TokenFixture();
        await using var host = await StartAsync(tokens.Settings(requiredScopes: "mcp:tools"));
        var client = host.CreateClient();
        client.Headers["Authorization"] = $"Bearer {tokens.Mint("demo", "alice", scopes: "other")}";

        using var response = await client.PostAsync(Initialize, cancellationToken: TestCancellation);
        client.Headers["Authorization"] = $"Bearer {tokens.Mint("demo", "alice", scopes: "mcp:tools")}";
        using var allowed = await client.PostAsync(Initialize, cancellationToken: TestCancellation);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var challenge = response.Headers.WwwAuthenticate.ToString();
        Assert.Contains("error=\"insufficient_scope\"", challenge, StringComparison.Ordinal);
        Assert.Contains("scope=\"mcp:tools\"", challenge, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Session_IsBoundToItsPrincipal_ButAFreshTokenOfTheSameIdentityMayUseIt()
    {
        using var tokens = new TokenFixture();
        await using var host = await StartAsync(tokens.Settings());
        var alice = await ConnectWithTokenAsync(host, tokens.Mint("demo", "alice"));

        var bob = host.CreateClient();
        bob.SessionId = alice.SessionId;
        bob.Headers["Authorization"] = $"Bearer {tokens.Mint("demo", "bob")}";
        using var hijack = await bob.PostAsync(Ping, cancellationToken: TestCancellation);
        alice.Headers["Authorization"] = $"Bearer {tokens.Mint("demo", "alice")}";
        using var refreshed = await alice.PostAsync(Ping, cancellationToken: TestCancellation);

        Assert.Equal(HttpStatusCode.NotFound, hijack.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
    }

    [Fact]
    public async Task AnonymousMode_IgnoresTokens_AndServesEveryoneAsAnon()
    {
        using var tokens = new TokenFixture();
        await using var host = await StartAsync();

        var client = await ConnectWithTokenAsync(host, tokens.Mint("demo", "alice"));
        var who = await client.RequestAsync("tools/call", Tools.ToolCallTests.Call("whoami", null), TestCancellation);

        Assert.Equal("anon", JsonDocument.Parse(Tools.ToolCallTests.Text(who.Result)).RootElement.GetProperty("scope").GetString());
    }

    internal static async Task<McpHttpClient> ConnectWithTokenAsync(GatewayTestHost host, string token)
    {
        var client = host.CreateClient();
        client.Headers["Authorization"] = $"Bearer {token}";
        var initialized = await client.InitializeAsync(cancellationToken: TestContext.Current.CancellationToken);
        return initialized.IsError ? throw new InvalidOperationException(initialized.Response.GetRawText()) : client;
    }

    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(parts[1])).Replace("alice", "admin", StringComparison.Ordinal);
        return $"{parts[0]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }
}
