using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.ServiceDefaults.Tests;

/// <summary>
/// OpenTelemetry through ServiceDefaults: off unless asked for, collected for a test's exporter with
/// <c>TaskActors:Diagnostics:Telemetry</c>, and exported over OTLP where the standard <c>OTEL_EXPORTER_OTLP_*</c> variables
/// point. The variables are given as configuration (which is where a host reads environment variables from), so that
/// parallel tests in this process do not see them.
/// </summary>
public sealed class TelemetryTests : LoggedTest
{
    private static readonly ActivitySource TestSource = new("TaskActors.ServiceDefaults.Tests");

    [Fact]
    public void AddServiceDefaults_RegistersNoTelemetry_WithoutAnEndpointOrOptIn()
    {
        using var host = Build([]);

        Assert.Null(host.Services.GetService<TracerProvider>());
        Assert.Null(host.Services.GetService<MeterProvider>());
    }

    [Fact]
    public void AddServiceDefaults_RegistersTracingAndMetrics_WhenTelemetryIsOn()
    {
        using var host = Build(new() { ["TaskActors:Diagnostics:Telemetry"] = "true" });

        Assert.NotNull(host.Services.GetService<TracerProvider>());
        Assert.NotNull(host.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task AddServiceDefaults_ExportsTaskActorsSpansOverOtlp_WhenTheEndpointVariableIsSet()
    {
        var marker = "otlp-check-" + Guid.NewGuid().ToString("N");
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var collector = await StartCollectorAsync(marker, received);
        using var host = Build(new()
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = CollectorAddress(collector),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });
        var tracing = host.Services.GetRequiredService<TracerProvider>();

        using (TestSource.StartActivity(marker))
        {
            // A span of a TaskActors.* source, exported when it ends.
        }

        Assert.True(tracing.ForceFlush(30_000), "the tracer provider flushed its exporter");
        await received.Task.WaitAsync(TestTimeouts.Default, TestCancellation);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development, ApplicationName = "telemetry-tests", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults();
        return builder.Build();
    }

    /// <summary>An OTLP/HTTP trace receiver on a loopback port that signals when a request carries the marker span.</summary>
    private static async Task<WebApplication> StartCollectorAsync(string marker, TaskCompletionSource received)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var bytes = Encoding.UTF8.GetBytes(marker);
        app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            if (body.GetBuffer().AsSpan(0, (int)body.Length).IndexOf(bytes) >= 0)
            {
                received.TrySetResult();
            }

            return Results.Ok();
        });
        await app.StartAsync(TestCancellation);
        return app;
    }

    private static string CollectorAddress(WebApplication collector) =>
        collector.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}
