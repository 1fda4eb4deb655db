using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.ServiceDefaults.Tests.Diagnostics;

public sealed class MeterCountersTests : LoggedTest
{
    [Fact]
    public async Task CountersEndpoint_IsNotMapped_UnlessConfigured()
    {
        await using var app = await StartAsync(counters: false);

        using var response = await app.GetTestClient().GetAsync(ServiceDefaultsExtensions.CountersPath, TestCancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task CountersEndpoint_TotalsThisHostsTaskActorsCounters_ByStateGrainTypeAndMethod()
    {
        await using var app = await StartAsync(counters: true);
        var meterFactory = app.Services.GetRequiredService<IMeterFactory>();
        var writes = meterFactory.Create("TaskActors.Storage").CreateCounter<long>("taskactors.storage.writes");
        var calls = meterFactory.Create("TaskActors.Grains").CreateCounter<long>("taskactors.grain.calls");
        var notOurs = meterFactory.Create("Other.Library").CreateCounter<long>("other.writes");
        using var otherHosts = new Meter("TaskActors.Storage");
        var otherWrites = otherHosts.CreateCounter<long>("taskactors.storage.writes");

        writes.Add(1, new KeyValuePair<string, object?>(StateTag, "task"));
        writes.Add(1, new KeyValuePair<string, object?>(StateTag, "task"));
        writes.Add(1, new KeyValuePair<string, object?>(StateTag, "session"));
        calls.Add(1, new(GrainTypeTag, "task"), new(MethodTag, "task.get"), new("taskactors.silo", "silo-1"));
        otherWrites.Add(5, new KeyValuePair<string, object?>(StateTag, "task"));
        notOurs.Add(7);
        var report = JsonDocument.Parse(await app.GetTestClient().GetStringAsync(ServiceDefaultsExtensions.CountersPath, TestCancellation)).RootElement;

        Assert.Equal("TaskActors.*", report.GetProperty("meter").GetString());
        var counters = report.GetProperty("counters");
        Assert.False(counters.TryGetProperty("other.writes", out _));
        Assert.Equal("""{"total":3,"by":{"session":1,"task":2}}""", counters.GetProperty("taskactors.storage.writes").GetRawText());
        Assert.Equal("""{"total":1,"by":{"task/task.get":1}}""", counters.GetProperty("taskactors.grain.calls").GetRawText());
    }

    private const string StateTag = "taskactors.state";
    private const string GrainTypeTag = "taskactors.grain.type";
    private const string MethodTag = "taskactors.grain.method";

    private static async Task<WebApplication> StartAsync(bool counters)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["TaskActors:Diagnostics:Counters"] = counters ? "true" : "false" });
        builder.AddServiceDefaults();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync(TestCancellation);
        return app;
    }
}
