using System.Text.Json;
using System.Text.Json.Nodes;
using TaskActors.Gateway.Tests.Infrastructure;
using TaskActors.Gateway.Tests.Tasks;
using TaskActors.Gateway.Tests.Tools;
using Xunit;

namespace TaskActors.Gateway.Tests.Auth;

public sealed class ScopeIsolationTests : GatewayTest
{
    public static TheoryData<string> Outsiders => ["same-client-other-sub", "other-client-same-sub", "anonymous"];

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task TaskOfAnotherScope_IsIndistinguishableFromAnUnknownOne(string outsider)
    {
        using var tokens = new TokenFixture();
        await using var host = await StartAsync(tokens.Settings(allowAnonymous: true));
        var alice = await ResourceServerTests.ConnectWithTokenAsync(host, tokens.Mint("demo", "alice"));
        var task = await alice.CreateTaskAsync("wait", new JsonObject { ["milliseconds"] = 1 }, 60_000, TestCancellation);
        var other = outsider switch
        {
            "same-client-other-sub" => await ResourceServerTests.ConnectWithTokenAsync(host, tokens.Mint("demo", "bob")),
            "other-client-same-sub" => await ResourceServerTests.ConnectWithTokenAsync(host, tokens.Mint("other-app", "alice")),
            _ => await ConnectAsync(host),
        };

        await AssertInvisibleAsync(other, task.Id());
        Assert.Equal("waited", ToolCallTests.Text((await alice.TaskRequestAsync("tasks/result", task.Id(), TestCancellation)).Result));
    }

    [Fact]
    public async Task AnonymousTask_IsInvisibleToAnAuthenticatedCaller()
    {
        using var tokens = new TokenFixture();
        await using var host = await StartAsync(tokens.Settings(allowAnonymous: true));
        var anonymous = await ConnectAsync(host);
        var task = await anonymous.CreateTaskAsync("wait", new JsonObject { ["milliseconds"] = 1 }, 60_000, TestCancellation);
        var alice = await ResourceServerTests.ConnectWithTokenAsync(host, tokens.Mint("demo", "alice"));

        await AssertInvisibleAsync(alice, task.Id());
        Assert.Equal("waited", ToolCallTests.Text((await anonymous.TaskRequestAsync("tasks/result", task.Id(), TestCancellation)).Result));
    }

    public static TheoryData<string, string?, string, string?, string> LookAlikes => new()
    {
        { "a", "b", "a|b", null, "a|b" },
        { "a|b", null, "a", "b", "a%7Cb" },
        { "svc", null, "svc", "x", "svc" },
        { "svc", "x", "svc", null, "svc|x" },
    };

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public async Task IdentitiesWhoseNamesJoinAlike_DoNotShareTasks(string ownerClient, string? ownerSub, string otherClient, string? otherSub, string ownerScope)
    {
        using var tokens = new TokenFixture();
        await using var host = await StartAsync(tokens.Settings());
        var owner = await ResourceServerTests.ConnectWithTokenAsync(host, tokens.Mint(ownerClient, ownerSub));
        var other = await ResourceServerTests.ConnectWithTokenAsync(host, tokens.Mint(otherClient, otherSub));
        var task = await owner.CreateTaskAsync("whoami", null, 60_000, TestCancellation);
        var seen = JsonDocument.Parse(ToolCallTests.Text((await owner.TaskRequestAsync("tasks/result", task.Id(), TestCancellation)).Result)).RootElement;

        await AssertInvisibleAsync(other, task.Id());
        Assert.Equal(ownerScope, seen.GetProperty("scope").GetString());
        Assert.Equal(ownerClient, seen.GetProperty("clientId").GetString());
        Assert.Equal(ownerSub, seen.GetProperty("sub").GetString());
    }

    [Fact]
    public async Task ClientNamedAnon_IsNotTheAnonymousScope()
    {
        using var tokens = new TokenFixture();
        await using var host = await StartAsync(tokens.Settings(allowAnonymous: true));
        var anonymous = await ConnectAsync(host);
        var anonymousTask = await anonymous.CreateTaskAsync("wait", new JsonObject { ["milliseconds"] = 1 }, 60_000, TestCancellation);
        var client = await ResourceServerTests.ConnectWithTokenAsync(host, tokens.Mint("anon", null));
        var clientTask = await client.CreateTaskAsync("whoami", null, 60_000, TestCancellation);
        var seen = JsonDocument.Parse(ToolCallTests.Text((await client.TaskRequestAsync("tasks/result", clientTask.Id(), TestCancellation)).Result)).RootElement;

        await AssertInvisibleAsync(client, anonymousTask.Id());
        await AssertInvisibleAsync(anonymous, clientTask.Id());
        Assert.Equal("%61non", seen.GetProperty("scope").GetString());
        Assert.Equal("waited", ToolCallTests.Text((await anonymous.TaskRequestAsync("tasks/result", anonymousTask.Id(), TestCancellation)).Result));
    }

    [Fact]
    public async Task AnonymousListing_ShowsOnlyTheCallersOwnSession()
    {
        await using var host = await StartAsync();
        var first = await ConnectAsync(host);
        var second = await ConnectAsync(host);
        var mine = await first.CreateTaskAsync("wait", new JsonObject { ["milliseconds"] = 1 }, 60_000, TestCancellation);

        var listedByOther = (await second.RequestAsync("tasks/list", null, TestCancellation)).Result.GetProperty("tasks");
        var fetchedByOther = await second.TaskRequestAsync("tasks/get", mine.Id(), TestCancellation);

        Assert.Empty(listedByOther.EnumerateArray());
        Assert.False(fetchedByOther.IsError, "anonymous callers share one scope: an unguessable id is their only protection, as documented");
    }

    [Fact]
    public async Task Reconnecting_WithANewSessionAndAFreshToken_ReachesTheSameTasks()
    {
        using var tokens = new TokenFixture();
        await using var host = await StartAsync(tokens.Settings());
        var first = await ResourceServerTests.ConnectWithTokenAsync(host, tokens.Mint("demo", "alice"));
        var task = await first.CreateTaskAsync("wait", new JsonObject { ["milliseconds"] = 1 }, 60_000, TestCancellation);
        using var ended = await first.DeleteAsync(TestCancellation);

        var again = await ResourceServerTests.ConnectWithTokenAsync(host, tokens.Mint("demo", "alice"));
        var listed = (await again.RequestAsync("tasks/list", null, TestCancellation)).Result.GetProperty("tasks");
        var result = await again.TaskRequestAsync("tasks/result", task.Id(), TestCancellation);

        Assert.NotEqual(first.SessionId, again.SessionId);
        Assert.Equal(task.Id(), Assert.Single(listed.EnumerateArray()).Id());
        Assert.Equal("waited", ToolCallTests.Text(result.Result));
    }

    private static async Task AssertInvisibleAsync(McpHttpClient other, string taskId)
    {
        var unknown = "0123456789abcdef0123456789abcdef";
        foreach (var method in new[] { "tasks/get", "tasks/result", "tasks/cancel" })
        {
            var foreign = await other.TaskRequestAsync(method, taskId, TestContext.Current.CancellationToken);
            var missing = await other.TaskRequestAsync(method, unknown, TestContext.Current.CancellationToken);
            Assert.Equal(-32602, foreign.ErrorCode);
            Assert.Equal(missing.ErrorCode, foreign.ErrorCode);
            Assert.Equal(missing.ErrorMessage.Replace(unknown, "ID", StringComparison.Ordinal), foreign.ErrorMessage.Replace(taskId, "ID", StringComparison.Ordinal));
        }

        var listed = (await other.RequestAsync("tasks/list", null, TestContext.Current.CancellationToken)).Result.GetProperty("tasks");
        Assert.DoesNotContain(listed.EnumerateArray(), t => t.Id() == taskId);
    }
}
