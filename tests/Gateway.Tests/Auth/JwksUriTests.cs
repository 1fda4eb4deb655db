using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TaskActors.Gateway.Auth.Development;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.Gateway.Tests.Auth;

public sealed class JwksUriTests : GatewayTest
{
    private const string Initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""";

    [Fact]
    public async Task SigningKeys_ComeFromTheJwksUri_AndARotatedKeyIsRefetchedWhenATokenNamesIt()
    {
        using var oldKey = DevSigningKey.Create();
        using var newKey = DevSigningKey.Create();
        await using var jwks = await JwksServer.StartAsync(oldKey.ToPublicJwks(), LoggerProvider);
        var settings = new Dictionary<string, string?>
        {
            ["TaskActors:Auth:Mode"] = "Jwt",
            ["TaskActors:Auth:Issuer"] = TokenFixture.Issuer,
            ["TaskActors:Auth:Audience"] = TokenFixture.Audience,
            ["TaskActors:Auth:JwksUri"] = jwks.Url,
            ["TaskActors:Auth:RequireHttpsMetadata"] = "false",
        };
        await using var host = await StartAsync(settings);

        var beforeRotation = await PostAsync(host, Mint(oldKey));
        var fetchesBeforeRotation = jwks.Fetches;
        jwks.Document = Combine(oldKey, newKey);

        // The first token naming the new key makes the handler refetch the JWKS (in the background, so that token
        // itself may still be refused); without the refetch the keys would stay cached for hours and this times out.
        await Eventually.WaitUntilAsync(async () => await PostAsync(host, Mint(newKey)) == HttpStatusCode.OK, "a token signed with the rotated key is accepted", cancellationToken: TestCancellation);
        var rotated = await PostAsync(host, Mint(newKey));
        var oldAfterRotation = await PostAsync(host, Mint(oldKey));
        using var stranger = DevSigningKey.Create();
        var foreign = await PostAsync(host, Mint(stranger));

        Assert.Equal(HttpStatusCode.OK, beforeRotation);
        Assert.Equal(1, fetchesBeforeRotation);
        Assert.Equal(HttpStatusCode.OK, rotated);
        Assert.Equal(HttpStatusCode.OK, oldAfterRotation);
        Assert.Equal(HttpStatusCode.Unauthorized, foreign);
        Assert.InRange(jwks.Fetches, 2, 3);
    }

    private static string Mint(DevSigningKey key) =>
        key.MintToken(new DevTokenRequest { Issuer = TokenFixture.Issuer, Audience = TokenFixture.Audience, ClientId = "demo", Subject = "alice" });

    private static async Task<HttpStatusCode> PostAsync(Infrastructure.GatewayTestHost host, string token)
    {
        var client = host.CreateClient();
        client.Headers["Authorization"] = $"Bearer {token}";
        using var response = await client.PostAsync(Initialize, cancellationToken: TestCancellation);
        return response.StatusCode;
    }

    private static string Combine(DevSigningKey first, DevSigningKey second)
    {
        var keys = new System.Text.Json.Nodes.JsonArray();
        foreach (var key in new[] { first, second })
        {
            keys.Add(System.Text.Json.Nodes.JsonNode.Parse(key.ToPublicJwks())!["keys"]![0]!.DeepClone());
        }

        return new System.Text.Json.Nodes.JsonObject { ["keys"] = keys }.ToJsonString();
    }

    /// <summary>A JWKS endpoint on real loopback Kestrel, whose document the test can replace (a key rotation).</summary>
    private sealed class JwksServer : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private volatile string _document;
        private int _fetches;

        private JwksServer(WebApplication app, string document)
        {
            _app = app;
            _document = document;
        }

        public string Document
        {
            get => _document;
            set => _document = value;
        }

        public int Fetches => Volatile.Read(ref _fetches);

        public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/jwks";

        public static async Task<JwksServer> StartAsync(string document, ILoggerProvider logging)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders().AddProvider(logging);
            var app = builder.Build();
            var server = new JwksServer(app, document);
            app.MapGet("/jwks", () =>
            {
                Interlocked.Increment(ref server._fetches);
                return Results.Text(server.Document, "application/json");
            });
            await app.StartAsync();
            return server;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
