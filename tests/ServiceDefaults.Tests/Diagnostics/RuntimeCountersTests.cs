using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TaskActors.Runtime.Diagnostics;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.ServiceDefaults.Tests.Diagnostics;

public sealed class RuntimeCountersTests : LoggedTest
{
    [Fact]
    public async Task CountersEndpoint_IsNotMapped_UnlessConfigured()
    {
        await using var app = await StartAsync(counters: false);

        using var response = await app.GetTestClient().GetAsync(ServiceDefaultsExtensions.CountersPath, TestCancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task CountersEndpoint_TotalsThisHostsRuntimeCounters_ByStateGrainTypeAndMethod()
    {
        await using var app = await StartAsync(counters: true);
        var meter = app.Services.GetRequiredService<IMeterFactory>().Create(RuntimeInstrumentation.Name);
        var writes = meter.CreateCounter<long>("taskactors.storage.writes");
        var calls = meter.CreateCounter<long>("taskactors.grain.calls");
        using var otherHosts = new Meter(RuntimeInstrumentation.Name);
        var otherWrites = otherHosts.CreateCounter<long>("taskactors.storage.writes");

        writes.Add(1, new KeyValuePair<string, object?>(RuntimeInstrumentation.StateTag, "task"));
        writes.Add(1, new KeyValuePair<string, object?>(RuntimeInstrumentation.StateTag, "task"));
        writes.Add(1, new KeyValuePair<string, object?>(RuntimeInstrumentation.StateTag, "session"));
        calls.Add(1, new(RuntimeInstrumentation.GrainTypeTag, "task"), new(RuntimeInstrumentation.MethodTag, "task.get"), new(RuntimeInstrumentation.SiloTag, "silo-1"));
        otherWrites.Add(5, new KeyValuePair<string, object?>(RuntimeInstrumentation.StateTag, "task"));
        var report = JsonDocument.Parse(await app.GetTestClient().GetStringAsync(ServiceDefaultsExtensions.CountersPath, TestCancellation)).RootElement;

        Assert.Equal(RuntimeInstrumentation.Name, report.GetProperty("meter").GetString());
        var counters = report.GetProperty("counters");
        Assert.Equal("""{"total":3,"by":{"session":1,"task":2}}""", counters.GetProperty("taskactors.storage.writes").GetRawText());
        Assert.Equal("""{"total":1,"by":{"task/task.get":1}}""", counters.GetProperty("taskactors.grain.calls").GetRawText());
    }

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
