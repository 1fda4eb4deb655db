using System.Net;
using System.Text.Json;
using TaskActors.Gateway.Tests.Infrastructure;
using Xunit;

namespace TaskActors.Gateway.Tests.Http;

/// <summary>
/// What one request, or one client address, can make the gateway do is bounded: the length of a batch, and how many
/// anonymous sessions one address opens a minute. Past a bound the request is refused whole, before any work.
/// </summary>
public sealed class RequestBoundsTests : GatewayTest
{
    [Fact]
    public async Task ABatchLongerThanTheCap_IsRefusedWholeWith400_AndOneAtTheCapIsServed()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["TaskActors:Gateway:MaxBatchLength"] = "5" });
        var client = await ConnectAsync(host, "2025-03-26");

        using var tooLong = await client.PostAsync(Batch(6), cancellationToken: TestCancellation);
        var refused = JsonDocument.Parse(await tooLong.Content.ReadAsStringAsync(TestCancellation)).RootElement;
        using var atCap = await client.PostAsync(Batch(5), cancellationToken: TestCancellation);
        var served = JsonDocument.Parse(await atCap.Content.ReadAsStringAsync(TestCancellation)).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(-32600, refused.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("at most 5", refused.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, atCap.StatusCode);
        Assert.Equal(5, served.GetArrayLength());
    }

    [Fact]
    public async Task AnonymousSessions_AreLimitedPerAddress_With429AndRetryAfter_AndAuthenticatedOnesAreNot()
    {
        using var tokens = new Auth.TokenFixture();
        var settings = tokens.Settings(allowAnonymous: true);
        settings["TaskActors:Gateway:AnonymousSessionsPerMinute"] = "3";
        await using var host = await StartAsync(settings);
        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await host.CreateClient().InitializeAsync(cancellationToken: TestCancellation)).IsError ? 0 : 200);
        }

        var refusedClient = host.CreateClient();
        using var refused = await refusedClient.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""", cancellationToken: TestCancellation);
        var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(TestCancellation)).RootElement;
        var authenticated = await Auth.ResourceServerTests.ConnectWithTokenAsync(host, tokens.Mint("demo", "alice"));

        Assert.Equal([200, 200, 200], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("20", refused.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(-32052, body.GetProperty("error").GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(authenticated.SessionId));
    }

    private static string Batch(int length) =>
        "[" + string.Join(',', Enumerable.Range(1, length).Select(i => $$"""{"jsonrpc":"2.0","id":{{i}},"method":"ping"}""")) + "]";
}
