using System.Text.Json;
using ModelContextProtocol.Protocol;
using TaskActors.Grains.Abstractions.Tasks;
using TaskActors.SampleServers.Hosting;
using TaskActors.SampleServers.Lifespan;
using TaskActors.SampleServers.Tests.Harness;
using Xunit;

namespace TaskActors.SampleServers.Tests.Tasks;

public sealed class ContextFixtureToolsTests : SampleServersTest
{
    private const string Token = "secret-bearer-token-value";

    [Fact]
    public async Task WhoAmI_ReportsTheTaskContext_AndTheLifespanState_WithoutTheToken()
    {
        await using var host = await StartHostAsync();
        var call = new ToolCall("whoami")
        {
            IsBackgroundTask = true,
            Scope = TaskScopes.ForToken("app", "alice"),
            SessionId = "session-42",
            AccessToken = new AccessTokenSnapshot { Token = Token, ClientId = "app", Subject = "alice", ExpiresAt = DateTimeOffset.UtcNow.AddHours(1) },
        };

        var text = (await host.CallToolResultAsync(call, cancellationToken: TestCancellation)).SingleText();

        Assert.True(host.Catalog.TryGet(SampleServerNames.Samples, out var samples));
        var state = Assert.IsType<SamplesLifespanState>(samples.LifespanState);
        JsonAssert.Equal(
            $$$"""
            {"taskId":"{{{call.TaskId}}}","scope":"app|alice","sessionId":"session-42","client_id":"app","sub":"alice",
             "serverPath":"samples","serverName":"samples","isBackgroundTask":true,"hasAccessToken":true,
             "lifespan":{"startedAt":{{{JsonSerializer.Serialize(state.StartedAt)}}},"instanceId":"{{{state.InstanceId}}}","tickCounters":0}}
            """,
            JsonElement.Parse(text));
        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhoAmI_ShowsNoTaskAndNoToken_ForAnAnonymousPlainCall()
    {
        await using var host = await StartHostAsync();

        var report = JsonElement.Parse((await host.CallToolResultAsync(new ToolCall("whoami"), cancellationToken: TestCancellation)).SingleText());

        Assert.Equal(JsonValueKind.Null, report.GetProperty("taskId").ValueKind);
        Assert.Equal("anon", report.GetProperty("scope").GetString());
        Assert.False(report.GetProperty("isBackgroundTask").GetBoolean());
        Assert.False(report.GetProperty("hasAccessToken").GetBoolean());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("client_id").ValueKind);
    }

    [Fact]
    public async Task WhoAmI_KeepsTheCaller_ButNotTheToken_OnceItHasExpired()
    {
        await using var host = await StartHostAsync();
        var call = new ToolCall("whoami")
        {
            IsBackgroundTask = true,
            Scope = TaskScopes.ForToken("app", null),
            AccessToken = new AccessTokenSnapshot { Token = Token, ClientId = "app", ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) },
        };

        var report = JsonElement.Parse((await host.CallToolResultAsync(call, cancellationToken: TestCancellation)).SingleText());

        Assert.Equal("app", report.GetProperty("client_id").GetString());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("sub").ValueKind);
        Assert.False(report.GetProperty("hasAccessToken").GetBoolean());
    }

    [Fact]
    public async Task AskUser_WaitsForTheAnswer_AndReturnsIt()
    {
        await using var host = await StartHostAsync();
        var asked = new TaskCompletionSource<TaskInputRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var client = new RecordingClientChannel().Answer(RequestMethods.ElicitationCreate, (request, _) =>
        {
            asked.SetResult(request);
            return answer.Task;
        });

        var run = host.CallToolResultAsync(new ToolCall("ask_user") { Arguments = """{"message":"Favourite colour?"}""", IsBackgroundTask = true }, client, TestCancellation);
        var request = await asked.Task.WaitAsync(TestKit.TestTimeouts.Default, TestCancellation);
        Assert.False(run.IsCompleted);
        answer.SetResult(JsonElement.Parse("""{"action":"accept","content":{"answer":"blue"}}"""));

        Assert.Equal("blue", (await run).SingleText());
        JsonAssert.Equal(
            """{"mode":"form","message":"Favourite colour?","requestedSchema":{"type":"object","properties":{"answer":{"type":"string","description":"Your answer"}},"required":["answer"]}}""",
            request.Params);
    }

    [Theory]
    [InlineData("decline")]
    [InlineData("cancel")]
    public async Task AskUser_SaysSo_WhenTheUserGivesNoAnswer(string action)
    {
        await using var host = await StartHostAsync();
        var client = new RecordingClientChannel().Answer(RequestMethods.ElicitationCreate, $$"""{"action":"{{action}}"}""");

        var result = await host.CallToolResultAsync(new ToolCall("ask_user") { Arguments = """{"message":"Well?"}""" }, client, TestCancellation);

        Assert.Equal($"No answer: the user chose to {action}.", result.SingleText());
    }
}
