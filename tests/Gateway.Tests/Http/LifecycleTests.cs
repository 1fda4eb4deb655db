using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace TaskActors.Gateway.Tests.Http;

public sealed class LifecycleTests : GatewayTest
{
    [Theory]
    [InlineData("2025-11-25", "2025-11-25")]
    [InlineData("2025-06-18", "2025-06-18")]
    [InlineData("2025-03-26", "2025-03-26")]
    [InlineData("2024-01-01", "2025-11-25")]
    public async Task Initialize_NegotiatesVersion_AndIssuesASessionId(string requested, string negotiated)
    {
        await using var host = await StartAsync();
        var client = host.CreateClient();

        var result = await client.InitializeAsync(requested, cancellationToken: TestCancellation);

        Assert.Equal(negotiated, result.Result.GetProperty("protocolVersion").GetString());
        Assert.Equal("samples", result.Result.GetProperty("serverInfo").GetProperty("name").GetString());
        Assert.Equal("9.9.9", result.Result.GetProperty("serverInfo").GetProperty("version").GetString());
        Assert.Equal("Fixtures for the gateway tests.", result.Result.GetProperty("instructions").GetString());
        Assert.NotNull(client.SessionId);
        Assert.True(client.SessionId!.Length >= 32);
        Assert.All(client.SessionId, c => Assert.InRange(c, (char)0x21, (char)0x7E));
        Assert.Equal(negotiated == "2025-11-25", result.Result.GetProperty("capabilities").TryGetProperty("tasks", out _));
    }

    [Fact]
    public async Task Initialize_DeclaresTaskCapabilities_On2025_11_25()
    {
        await using var host = await StartAsync();
        var client = host.CreateClient();

        var result = await client.InitializeAsync(cancellationToken: TestCancellation);

        var tasks = result.Result.GetProperty("capabilities").GetProperty("tasks");
        Assert.Equal(JsonValueKind.Object, tasks.GetProperty("list").ValueKind);
        Assert.Equal(JsonValueKind.Object, tasks.GetProperty("cancel").ValueKind);
        Assert.Equal(JsonValueKind.Object, tasks.GetProperty("requests").GetProperty("tools").GetProperty("call").ValueKind);
    }

    [Fact]
    public async Task Initialize_FailsWithInvalidParams_WhenFieldsAreMissing()
    {
        await using var host = await StartAsync();
        var client = host.CreateClient();

        var result = await client.RequestAsync("initialize", new JsonObject { ["protocolVersion"] = "2025-11-25" }, TestCancellation);

        Assert.Equal(-32602, result.ErrorCode);
        Assert.Null(client.SessionId);
    }

    [Fact]
    public async Task Ping_ReturnsEmptyObject()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        var result = await client.RequestAsync("ping", null, TestCancellation);

        Assert.Equal("{}", result.Result.GetRawText());
    }

    [Fact]
    public async Task SecondInitialize_OnASession_IsRefused()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        using var response = await client.PostAsync("""{"jsonrpc":"2.0","id":9,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"x","version":"1"}}}""", cancellationToken: TestCancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Delete_EndsTheSession_AndLaterRequestsGet404()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        using var deleted = await client.DeleteAsync(TestCancellation);
        using var after = await client.PostAsync("""{"jsonrpc":"2.0","id":2,"method":"ping"}""", cancellationToken: TestCancellation);
        using var deletedAgain = await client.DeleteAsync(TestCancellation);

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deletedAgain.StatusCode);
    }

    [Fact]
    public async Task SetLevel_AcceptsMcpLevels_AndRejectsOthers()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        var ok = await client.RequestAsync("logging/setLevel", new JsonObject { ["level"] = "warning" }, TestCancellation);
        var bad = await client.RequestAsync("logging/setLevel", new JsonObject { ["level"] = "loud" }, TestCancellation);

        Assert.Equal("{}", ok.Result.GetRawText());
        Assert.Equal(-32602, bad.ErrorCode);
    }

    [Fact]
    public async Task UnknownMethod_IsMethodNotFound_AndUnknownNotification_IsAccepted()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        var unknown = await client.RequestAsync("nope/nothing", null, TestCancellation);
        using var notification = await client.NotifyAsync("notifications/whatever", null, TestCancellation);

        Assert.Equal(-32601, unknown.ErrorCode);
        Assert.Equal(HttpStatusCode.Accepted, notification.StatusCode);
    }

    [Fact]
    public async Task TaskMethods_AreMethodNotFound_BeforeTasksExisted()
    {
        await using var host = await StartAsync();
        var client = await ConnectAsync(host, "2025-06-18");

        var result = await client.RequestAsync("tasks/list", null, TestCancellation);

        Assert.Equal(-32601, result.ErrorCode);
    }
}
