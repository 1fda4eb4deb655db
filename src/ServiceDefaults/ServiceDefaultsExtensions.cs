using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TaskActors.ServiceDefaults;
using TaskActors.ServiceDefaults.Diagnostics;
using TaskActors.ServiceDefaults.Health;
using TaskActors.ServiceDefaults.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>The health, logging and telemetry setup shared by silo and gateway processes.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>The liveness probe path: the process runs.</summary>
    public const string LivePath = "/health/live";

    /// <summary>The readiness probe path: the process serves requests (its silo is active, or its client connected).</summary>
    public const string ReadyPath = "/health/ready";

    /// <summary>The runtime's counter totals, mapped only when <see cref="DiagnosticsOptions.Counters"/> is on.</summary>
    public const string CountersPath = "/diagnostics/counters";

    /// <summary>
    /// Adds health checks (readiness from Orleans' status), concise single-line console logging that escapes and bounds
    /// every logged value (<see cref="SafeConsoleFormatter"/>), OpenTelemetry traces and metrics of
    /// Orleans, TaskActors, ASP.NET Core and HttpClient (exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set,
    /// or collected for a test's exporter with <c>TaskActors:Diagnostics:Telemetry</c>), and the opt-in diagnostics of
    /// <c>TaskActors:Diagnostics</c>.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<StartupPhase>();
        builder.Logging.AddConsole(options => options.FormatterName = SafeConsoleFormatter.FormatterName)
            .AddConsoleFormatter<SafeConsoleFormatter, SafeConsoleFormatterOptions>(options => options.TimestampFormat = "HH:mm:ss ");

        // Orleans' placement runs through a Polly pipeline that logs every attempt at Information.
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"])
            .AddCheck<OrleansHealthCheck>("orleans", tags: ["ready"]);
        var diagnostics = builder.Configuration.GetSection("TaskActors").GetSection(DiagnosticsOptions.SectionName);
        builder.Services.AddOptions<DiagnosticsOptions>().Bind(diagnostics);
        builder.Services.TryAddSingleton<MeterCounters>();
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (otlp || diagnostics.GetValue<bool>(nameof(DiagnosticsOptions.Telemetry)))
        {
            var telemetry = builder.Services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName))
                .WithTracing(tracing => tracing
                    .AddSource(TelemetrySources.ActivitySources)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation())
                .WithMetrics(metrics => metrics
                    .AddMeter(TelemetrySources.Meters)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation());
            if (otlp)
            {
                // Endpoint, headers and protocol come from the standard OTEL_EXPORTER_OTLP_* variables.
                telemetry.UseOtlpExporter();
            }
        }

        return builder;
    }

    /// <summary>
    /// Maps <see cref="LivePath"/> (the process) and <see cref="ReadyPath"/> (every check), and <see cref="CountersPath"/>
    /// when <see cref="DiagnosticsOptions.Counters"/> is on (counting starts here, before the host starts).
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") });
        app.MapHealthChecks(ReadyPath);
        if (app.Services.GetRequiredService<IOptions<DiagnosticsOptions>>().Value.Counters)
        {
            var counters = app.Services.GetRequiredService<MeterCounters>();
            app.MapGet(CountersPath, () => TypedResults.Json(counters.Report(), ServiceDefaultsJsonContext.Default.CounterReport));
        }

        return app;
    }
}
