using System.Diagnostics;
using System.Diagnostics.Metrics;
using TaskActors.Runtime.Abstractions.Core;
using TaskActors.Runtime.Abstractions.Identity;
using TaskActors.Runtime.Identity;
using TaskActors.Runtime.Messaging;

namespace TaskActors.Runtime.Diagnostics;

/// <summary>The runtime's instruments: calls, call durations, activations, state reads and writes.</summary>
internal sealed class RuntimeMetrics
{
    /// <summary>The status tag values, indexed by status: formatted once instead of boxing the enum per call.</summary>
    private static readonly string[] StatusNames = Enum.GetNames<GrainCallStatus>();

    private readonly Counter<long> _calls;
    private readonly Histogram<double> _callDuration;
    private readonly UpDownCounter<long> _activations;
    private readonly Counter<long> _activationsCreated;
    private readonly Counter<long> _deactivations;
    private readonly Counter<long> _stateReads;
    private readonly Counter<long> _stateWrites;
    private readonly KeyValuePair<string, object?> _silo;

    public RuntimeMetrics(IMeterFactory meterFactory, LocalEndpoint endpoint)
    {
        var meter = meterFactory.Create(RuntimeInstrumentation.Name);
        _silo = new(RuntimeInstrumentation.SiloTag, endpoint.Name);
        _calls = meter.CreateCounter<long>("taskactors.grain.calls", "{call}", "Grain calls made, by grain type, method and outcome.");
        _callDuration = meter.CreateHistogram<double>("taskactors.grain.call.duration", "ms", "Duration of grain calls as the caller sees them.");
        _activations = meter.CreateUpDownCounter<long>("taskactors.activations.active", "{activation}", "Activations currently in the catalog.");
        _activationsCreated = meter.CreateCounter<long>("taskactors.activations.created", "{activation}", "Activations created.");
        _deactivations = meter.CreateCounter<long>("taskactors.activations.deactivated", "{activation}", "Activations deactivated, by reason.");
        _stateReads = meter.CreateCounter<long>("taskactors.storage.reads", "{read}", "Grain state reads (activation loads and explicit re-reads), by state name.");
        _stateWrites = meter.CreateCounter<long>("taskactors.storage.writes", "{write}", "Grain state writes and clears, by state name.");
    }

    /// <summary>
    /// Whether a listener records call counts or durations. Callers check it before measuring a call, so a silo
    /// nobody observes spends no clock read, tag list or enum formatting per call.
    /// </summary>
    public bool RecordsCalls => _calls.Enabled || _callDuration.Enabled;

    public void RecordCall(GrainType grainType, string method, GrainCallStatus status, TimeSpan duration)
    {
        var tags = new TagList
        {
            _silo,
            { RuntimeInstrumentation.GrainTypeTag, grainType.Value },
            { RuntimeInstrumentation.MethodTag, method },
            { RuntimeInstrumentation.StatusTag, StatusNames[(int)status] },
        };
        _calls.Add(1, tags);
        _callDuration.Record(duration.TotalMilliseconds, tags);
    }

    public void ActivationCreated(GrainType grainType)
    {
        var tags = new TagList { _silo, { RuntimeInstrumentation.GrainTypeTag, grainType.Value } };
        _activations.Add(1, tags);
        _activationsCreated.Add(1, tags);
    }

    public void ActivationRemoved(GrainType grainType, DeactivationReasonCode reason)
    {
        _activations.Add(-1, new TagList { _silo, { RuntimeInstrumentation.GrainTypeTag, grainType.Value } });
        _deactivations.Add(1, new TagList { _silo, { RuntimeInstrumentation.GrainTypeTag, grainType.Value }, { "taskactors.deactivation.reason", reason.ToString() } });
    }

    public void StateRead(string stateName) => _stateReads.Add(1, _silo, new(RuntimeInstrumentation.StateTag, stateName));

    public void StateWritten(string stateName) => _stateWrites.Add(1, _silo, new(RuntimeInstrumentation.StateTag, stateName));
}
