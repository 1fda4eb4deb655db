using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using TaskActors.Runtime.Diagnostics;
using TaskActors.Runtime.Testing;
using TaskActors.Runtime.Tests.Grains;
using TaskActors.TestKit;
using Xunit;

namespace TaskActors.Runtime.Tests.Diagnostics;

/// <summary>
/// The runtime's ActivitySource and Meter (<see cref="RuntimeInstrumentation.Name"/>). Tests run in parallel and the
/// ActivitySource is process-wide, so spans are recognised by this test's grain id; the meters are per host, so
/// measurements are taken only from the meter factories of this test's cluster.
/// </summary>
public sealed class RuntimeInstrumentationTests : ClusterTest
{
    [Fact]
    public async Task GrainCall_ProducesAClientSpan_AndAChildServerSpan_NamingGrainAndMethod()
    {
        await using var cluster = await StartClusterAsync(2);
        var key = NewKey("traced");
        using var spans = new SpanCollector($"gate/{key}");

        Assert.Equal("ping", await cluster.Client.GetGrain<IGateGrain>(key).PingAsync(TestCancellation));

        // Both spans end before the caller sees the reply: the server's before it sends it, the client's before it returns.
        var (client, server) = spans.SingleCall();
        Assert.Equal("grain IGateGrain.PingAsync", client.DisplayName);
        Assert.Equal("grain IGateGrain.PingAsync", server.DisplayName);
        Assert.Equal($"gate/{key}", client.GetTagItem(RuntimeInstrumentation.GrainIdTag));
        Assert.Equal($"gate/{key}", server.GetTagItem(RuntimeInstrumentation.GrainIdTag));
        Assert.Equal(client.TraceId, server.TraceId);
        Assert.Equal(client.SpanId, server.ParentSpanId);

        // The server span's parent is the trace context the request carries, as it must be across processes, not the
        // caller's Activity.Current (which flows into a silo of the same process with the execution context).
        Assert.Null(server.Parent);
        Assert.Equal(ActivityStatusCode.Unset, client.Status);
        Assert.Equal(ActivityStatusCode.Unset, server.Status);
    }

    [Fact]
    public async Task FailingGrainCall_MarksBothSpansAsErrors_WithTheMessage()
    {
        await using var cluster = await StartClusterAsync(1);
        var key = NewKey("traced");
        using var spans = new SpanCollector($"gate/{key}");

        await Assert.ThrowsAsync<InvalidOperationException>(() => cluster.Client.GetGrain<IGateGrain>(key).FailAsync("invalid-operation", TestCancellation));

        var (client, server) = spans.SingleCall();
        Assert.Equal("grain IGateGrain.FailAsync", client.DisplayName);
        Assert.Equal(client.SpanId, server.ParentSpanId);
        Assert.Equal((ActivityStatusCode.Error, "The grain failed on purpose."), (client.Status, client.StatusDescription));
        Assert.Equal((ActivityStatusCode.Error, "The grain failed on purpose."), (server.Status, server.StatusDescription));
    }

    [Fact]
    public async Task GrainCalls_CountByMethodAndOutcome_AtTheCaller()
    {
        await using var cluster = await StartClusterAsync(1);
        using var measurements = new ClusterMeasurements(cluster);
        var grain = cluster.Client.GetGrain<IGateGrain>(NewKey());

        await grain.PingAsync(TestCancellation);
        await grain.PingAsync(TestCancellation);
        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.FailAsync("invalid-operation", TestCancellation));

        // Recorded before the call returns, so no waiting: two pings and one failure, all of grain type "gate".
        Assert.Equal(2, measurements.Sum("taskactors.grain.calls", ("taskactors.grain.type", "gate"), ("taskactors.grain.method", "IGateGrain.PingAsync"), ("taskactors.grain.status", "Ok")));
        Assert.Equal(1, measurements.Sum("taskactors.grain.calls", ("taskactors.grain.type", "gate"), ("taskactors.grain.method", "IGateGrain.FailAsync"), ("taskactors.grain.status", "Exception")));
        Assert.Equal(3, measurements.Sum("taskactors.grain.calls"));
    }

    [Fact]
    public async Task Activations_CountWhenCreatedAndWhenDeactivated()
    {
        await using var cluster = await StartClusterAsync(1);
        using var measurements = new ClusterMeasurements(cluster);
        var key = NewKey();
        var grain = cluster.Client.GetGrain<ICounterGrain>(key);
        var counter = ("taskactors.grain.type", "counter");

        var first = await grain.GetActivationAsync(TestCancellation);
        Assert.Equal(1, measurements.Sum("taskactors.activations.created", counter));
        Assert.Equal(0, measurements.Sum("taskactors.activations.deactivated", counter));
        Assert.Equal(1, measurements.Sum("taskactors.activations.active", counter));

        var deactivated = TestSignals.WhenSet($"deactivated:{key}:{first}");
        await grain.DeactivateAsync(TestCancellation);
        await deactivated.WaitAsync(TestTimeouts.Default, TestCancellation);

        // The catalog counts the removal after the grain's OnDeactivateAsync hook returns, so that has no signal of its own.
        await Eventually.WaitUntilAsync(
            () => measurements.Sum("taskactors.activations.deactivated", counter, ("taskactors.deactivation.reason", "ApplicationRequested")) == 1,
            "the deactivation was counted",
            cancellationToken: TestCancellation);
        Assert.Equal(0, measurements.Sum("taskactors.activations.active", counter));

        // The next call activates the grain again.
        Assert.NotEqual(first, await grain.GetActivationAsync(TestCancellation));
        Assert.Equal(2, measurements.Sum("taskactors.activations.created", counter));
        Assert.Equal(1, measurements.Sum("taskactors.activations.active", counter));
    }

    /// <summary>Collects the runtime's stopped spans whose grain id tag is <paramref name="grainId"/>.</summary>
    private sealed class SpanCollector : IDisposable
    {
        private readonly ConcurrentQueue<Activity> _stopped = new();
        private readonly ActivityListener _listener;

        public SpanCollector(string grainId)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == RuntimeInstrumentation.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (activity.GetTagItem(RuntimeInstrumentation.GrainIdTag) as string == grainId)
                    {
                        _stopped.Enqueue(activity);
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        /// <summary>The one client span and the one server span of a single call.</summary>
        public (Activity Client, Activity Server) SingleCall()
        {
            var stopped = _stopped.ToArray();
            Assert.Equal(2, stopped.Length);
            return (Assert.Single(stopped, a => a.Kind == ActivityKind.Client), Assert.Single(stopped, a => a.Kind == ActivityKind.Server));
        }

        public void Dispose() => _listener.Dispose();
    }

    /// <summary>Records the runtime's long counters of one cluster's silos and client (each host has its own meter factory).</summary>
    private sealed class ClusterMeasurements : IDisposable
    {
        private readonly ConcurrentQueue<(string Instrument, long Value, KeyValuePair<string, object?>[] Tags)> _recorded = new();
        private readonly MeterListener _listener = new();

        public ClusterMeasurements(InProcessCluster cluster)
        {
            var factories = cluster.Silos.Select(s => s.Services).Append(cluster.ClientServices).Select(s => s.GetRequiredService<IMeterFactory>()).ToList();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == RuntimeInstrumentation.Name && factories.Any(f => ReferenceEquals(f, instrument.Meter.Scope)))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _recorded.Enqueue((instrument.Name, value, tags.ToArray())));
            _listener.Start();
        }

        /// <summary>The sum of an instrument's measurements that carry all of <paramref name="tags"/>.</summary>
        public long Sum(string instrument, params (string Name, string Value)[] tags) =>
            _recorded
                .Where(m => m.Instrument == instrument && tags.All(t => m.Tags.Any(kv => kv.Key == t.Name && Equals(kv.Value, t.Value))))
                .Sum(m => m.Value);

        public void Dispose() => _listener.Dispose();
    }
}
