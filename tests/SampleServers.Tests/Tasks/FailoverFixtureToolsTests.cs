using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TaskActors.Grains.Abstractions.Tasks;
using TaskActors.SampleServers.Hosting;
using TaskActors.SampleServers.Lifespan;
using TaskActors.SampleServers.Tests.Harness;
using TaskActors.Servers.Catalog;
using TaskActors.Servers.Execution;
using Xunit;

namespace TaskActors.SampleServers.Tests.Tasks;

public sealed class FailoverFixtureToolsTests : SampleServersTest
{
    private const string Token = "secret-bearer-token-value";

    [Fact]
    public async Task SlowWhoAmI_ReportsTheTaskContextAndWhenItsRunStarted_OnceItsSecondsHavePassed()
    {
        var clock = new SignalingTimeProvider();
        await using var host = await StartHostAsync(clock);
        var startedAt = clock.GetUtcNow();
        var call = new ToolCall("slow_whoami")
        {
            Arguments = """{"seconds":2}""",
            IsBackgroundTask = true,
            Scope = TaskScopes.ForToken("app", "alice"),
            SessionId = "session-42",
            AccessToken = new AccessTokenSnapshot { Token = Token, ClientId = "app", Subject = "alice", ExpiresAt = DateTimeOffset.UtcNow.AddHours(1) },
        };

        var run = host.CallToolResultAsync(call, cancellationToken: TestCancellation);
        Assert.Equal(TimeSpan.FromSeconds(2), await clock.NextTimerAsync(TestCancellation));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(run.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        var text = (await run).SingleText();

        Assert.True(host.Catalog.TryGet(SampleServerNames.Samples, out var samples));
        var state = Assert.IsType<SamplesLifespanState>(samples.LifespanState);
        JsonAssert.Equal(
            $$$"""
            {"whoami":{"taskId":"{{{call.TaskId}}}","scope":"app|alice","sessionId":"session-42","client_id":"app","sub":"alice",
              "serverPath":"samples","serverName":"samples","isBackgroundTask":true,"hasAccessToken":true,
              "lifespan":{"startedAt":{{{JsonSerializer.Serialize(state.StartedAt)}}},"instanceId":"{{{state.InstanceId}}}","tickCounters":0}},
             "silo":null,"runStartedAt":{{{JsonSerializer.Serialize(startedAt)}}}}
            """,
            JsonElement.Parse(text));
        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlowWhoAmI_NamesTheSiloThatRanIt_WhenASiloHostsIt()
    {
        var silo = new FakeSiloDetails(SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11111), 42));
        await using var services = BuildSiloServices(silo);
        var catalog = services.GetRequiredService<HostedServerCatalog>();
        await catalog.StartLifespansAsync(services, TestCancellation);
        var call = new ToolCall("slow_whoami") { Arguments = """{"seconds":0}""", IsBackgroundTask = true };

        try
        {
            var outcome = await services.GetRequiredService<ToolInvoker>().InvokeAsync(call.ToSnapshot(SampleServerNames.Samples, "slow_whoami"), call.IsBackgroundTask, new RecordingClientChannel(), TestCancellation);

            Assert.Equal(ToolTaskStatus.Completed, outcome.Status);
            var report = JsonElement.Parse(JsonAssert.Property(outcome.Result, "content")[0].GetProperty("text").GetString()!);
            Assert.Equal(silo.SiloAddress.ToString(), report.GetProperty("silo").GetString());
            Assert.Equal(call.TaskId, report.GetProperty("whoami").GetProperty("taskId").GetString());
        }
        finally
        {
            await catalog.StopLifespansAsync();
        }
    }

    [Fact]
    public async Task SlowWhoAmI_EndsCancelled_WhenItsTaskIsCancelled()
    {
        var clock = new SignalingTimeProvider();
        await using var host = await StartHostAsync(clock);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestCancellation);

        var call = host.CallToolAsync(new ToolCall("slow_whoami") { Arguments = """{"seconds":3600}""", IsBackgroundTask = true }, cancellationToken: cancellation.Token);
        await clock.NextTimerAsync(TestCancellation);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3601)]
    public async Task SlowWhoAmI_ReturnsAnErrorResult_ForSecondsOutOfRange(double seconds)
    {
        await using var host = await StartHostAsync();

        var result = await host.CallToolResultAsync(new ToolCall("slow_whoami") { Arguments = $$"""{"seconds":{{seconds}}}""", IsBackgroundTask = true }, cancellationToken: TestCancellation);

        Assert.True(result.IsError);
        Assert.StartsWith("'seconds' must be between 0 and 3600", result.SingleText(), StringComparison.Ordinal);
    }

    /// <summary>The services a silo gives the sample servers, with <paramref name="silo"/> as the local silo.</summary>
    private ServiceProvider BuildSiloServices(ILocalSiloDetails silo)
    {
        var builder = new TestSiloBuilder();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(silo);
        builder.Services.AddLogging(logging => logging.AddProvider(LoggerProvider));
        builder.AddSampleServers();
        return builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private sealed class FakeSiloDetails(SiloAddress address) : ILocalSiloDetails
    {
        public string Name => "test-silo";

        public string ClusterId => "test-cluster";

        public string DnsHostName => "localhost";

        public SiloAddress SiloAddress => address;

        public SiloAddress GatewayAddress => address;
    }
}
