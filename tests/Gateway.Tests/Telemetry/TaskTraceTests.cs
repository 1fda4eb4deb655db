using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;
using TaskActors.Gateway.Tests.Fixtures;
using TaskActors.Gateway.Tests.Infrastructure;
using TaskActors.Gateway.Tests.Sessions;
using TaskActors.Gateway.Tests.Tasks;
using TaskActors.Gateway.Tests.Tools;
using TaskActors.Servers.Diagnostics;
using TaskActors.ServiceDefaults;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.Gateway.Tests.Telemetry;

/// <summary>
/// One trace follows a task from the gateway's HTTP request through the grain calls to its tool run and the report of its
/// outcome, also when the run is re-driven on another silo. Spans are collected with OpenTelemetry's in-memory exporter
/// from the sources ServiceDefaults exports.
/// </summary>
public sealed class TaskTraceTests : GatewayTest
{
    private const string AspNetCoreSource = "Microsoft.AspNetCore";

    [Fact]
    public async Task TaskRun_IsOneTrace_FromTheHttpRequestThroughGrainCallsToItsCompletion()
    {
        var spans = new SpanCollector();
        using var tracing = StartTracing(spans);
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        var task = await client.CreateTaskAsync("wait", new JsonObject { ["milliseconds"] = 1 }, 60_000, TestCancellation);
        var result = await client.TaskRequestAsync("tasks/result", task.Id(), TestCancellation);

        // A span is exported when it ends: the run's after its report returns, the request's after its response is sent.
        var run = await spans.WhenExported(s => IsToolRun(s, task.Id(), attempt: 1)).WaitAsync(TestTimeouts.Default, TestCancellation);
        var request = await spans.WhenExported(s => s.TraceId == run.TraceId && s.Source.Name == AspNetCoreSource).WaitAsync(TestTimeouts.Default, TestCancellation);

        var trace = spans.InTrace(run.TraceId);
        Dump(trace);
        Assert.Equal("waited", ToolCallTests.Text(result.Result));
        Assert.Equal(ActivityKind.Server, request.Kind);
        Assert.Equal(default, request.ParentSpanId);

        // The run descends from the request through the gateway's grain call (client span) and the grain's (server span).
        var ancestors = Ancestors(run, trace);
        Assert.NotEmpty(ancestors);
        Assert.Equal(request.SpanId, ancestors[^1].SpanId);
        Assert.Contains(ancestors, s => IsGrainCall(s, ActivityKind.Client, "StartAsync"));
        Assert.Contains(ancestors, s => IsGrainCall(s, ActivityKind.Server, "StartAsync"));

        // The run reports its outcome through a grain call of its own, in the same trace.
        var report = Assert.Single(trace, s => IsGrainCall(s, ActivityKind.Client, "CompleteAsync") && s.ParentSpanId == run.SpanId);
        Assert.Contains(trace, s => IsGrainCall(s, ActivityKind.Server, "CompleteAsync") && s.ParentSpanId == report.SpanId);
        Assert.Equal("completed", run.GetTagItem(TaskTelemetry.StatusTag));
        Assert.Equal(ActivityStatusCode.Unset, run.Status);
        Assert.Equal("wait", run.GetTagItem(TaskTelemetry.ToolTag));
        Assert.Equal(host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString(), run.GetTagItem(TaskTelemetry.SiloTag));
        var reported = Assert.Single(run.Events, e => e.Name == TaskTelemetry.ReportedEvent);
        Assert.Contains(reported.Tags, t => t.Key == TaskTelemetry.AcceptedTag && t.Value is true);
    }

    [Fact]
    public async Task FailingRun_HasAnErrorStatus_WithoutTheToolsInternals()
    {
        var spans = new SpanCollector();
        using var tracing = StartTracing(spans);
        await using var host = await StartAsync();
        var client = await ConnectAsync(host);

        var task = await client.CreateTaskAsync("boom", null, 60_000, TestCancellation);
        await client.TaskRequestAsync("tasks/result", task.Id(), TestCancellation);
        var run = await spans.WhenExported(s => IsToolRun(s, task.Id(), attempt: 1)).WaitAsync(TestTimeouts.Default, TestCancellation);

        Assert.Equal(ActivityStatusCode.Error, run.Status);
        Assert.Equal("failed", run.GetTagItem(TaskTelemetry.StatusTag));
        Assert.DoesNotContain("secret", run.StatusDescription ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReDrivenRun_JoinsTheOriginalRequestsTrace_OnTheSurvivor()
    {
        var spans = new SpanCollector();
        using var tracing = StartTracing(spans);
        await using var host = await GatewayTestHost.StartClusterAsync(LoggerProvider, 3, ClusterGatewayTests.FastMembership());
        var client = await ConnectAsync(host);
        var gate = NewGate();
        var entered = TestGates.WhenEntered(gate);

        // Only the submitting request carries the caller's trace; the tasks/get that re-drives the run starts another.
        var traceId = ActivityTraceId.CreateRandom();
        client.Headers["traceparent"] = $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01";
        var task = await client.CreateTaskAsync("gated_whoami", new JsonObject { ["gate"] = gate }, 60_000, TestCancellation);
        client.Headers.Remove("traceparent");
        await entered.WaitAsync(TestTimeouts.Default, TestCancellation);
        var (holder, _) = await SiloCrash.KillHolderAndAwaitReDriveAsync(host, client, "anon", task.Id(), gate, TestCancellation);
        TestGates.Open(gate);
        var result = await client.TaskRequestAsync("tasks/result", task.Id(), TestCancellation);
        var rerun = await spans.WhenExported(s => IsToolRun(s, task.Id(), attempt: 2)).WaitAsync(TestTimeouts.Default, TestCancellation);
        var request = await spans.WhenExported(s => s.TraceId == traceId && s.Source.Name == AspNetCoreSource).WaitAsync(TestTimeouts.Default, TestCancellation);

        var trace = spans.InTrace(traceId);
        Dump(trace);
        var silo = JsonDocument.Parse(ToolCallTests.Text(result.Result)).RootElement.GetProperty("silo").GetString();
        Assert.Equal(traceId, rerun.TraceId);
        Assert.Equal(request.SpanId, rerun.ParentSpanId);
        Assert.Equal(silo, rerun.GetTagItem(TaskTelemetry.SiloTag));
        Assert.NotEqual(holder.SiloAddress.ToString(), rerun.GetTagItem(TaskTelemetry.SiloTag));
        Assert.Equal("completed", rerun.GetTagItem(TaskTelemetry.StatusTag));
        Assert.Contains(trace, s => IsGrainCall(s, ActivityKind.Client, "CompleteAsync") && s.ParentSpanId == rerun.SpanId);

        // The gateway's cluster client and the silos propagate the request's trace into the grain call that created the task.
        var start = Assert.Single(trace, s => IsGrainCall(s, ActivityKind.Client, "StartAsync"));
        Assert.Equal(request.SpanId, start.ParentSpanId);
        Assert.Contains(trace, s => IsGrainCall(s, ActivityKind.Server, "StartAsync") && s.ParentSpanId == start.SpanId);
    }

    private static TracerProvider StartTracing(SpanCollector spans) => Sdk.CreateTracerProviderBuilder()
        .AddSource(TelemetrySources.ActivitySources)
        .AddAspNetCoreInstrumentation()
        .AddInMemoryExporter(spans)
        .Build();

    private static bool IsToolRun(Activity span, string taskId, int attempt) =>
        span.Source.Name == TaskTelemetry.SourceName
        && span.OperationName == TaskTelemetry.ToolRunSpan
        && span.GetTagItem(TaskTelemetry.TaskIdTag) as string == taskId
        && span.GetTagItem(TaskTelemetry.AttemptTag) is int a && a == attempt;

    /// <summary>Whether the span is Orleans' span of a call to a grain method (<c>ITaskGrain/StartAsync</c>) on the given side.</summary>
    private static bool IsGrainCall(Activity span, ActivityKind kind, string method) =>
        span.Source.Name.StartsWith("Microsoft.Orleans.", StringComparison.Ordinal)
        && span.Kind == kind
        && span.DisplayName.EndsWith("/" + method, StringComparison.Ordinal);

    /// <summary>The span's parent, its parent's parent, and so on, as far as the trace has them.</summary>
    private static List<Activity> Ancestors(Activity span, IReadOnlyList<Activity> trace)
    {
        var bySpanId = trace.ToDictionary(s => s.SpanId);
        var ancestors = new List<Activity>();
        while (span.ParentSpanId != default && bySpanId.TryGetValue(span.ParentSpanId, out var parent))
        {
            ancestors.Add(parent);
            span = parent;
        }

        return ancestors;
    }

    private void Dump(IReadOnlyList<Activity> trace)
    {
        foreach (var span in trace.OrderBy(s => s.StartTimeUtc))
        {
            Output.WriteLine($"{span.Source.Name} {span.Kind} '{span.DisplayName}' {span.SpanId} <- {span.ParentSpanId} [{string.Join(", ", span.TagObjects.Select(t => $"{t.Key}={t.Value}"))}]");
        }
    }
}
