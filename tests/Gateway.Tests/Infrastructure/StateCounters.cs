using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using TaskActors.Storage.Diagnostics;

namespace TaskActors.Gateway.Tests.Infrastructure;

/// <summary>How often a state was read and written.</summary>
public readonly record struct StateCounts(long Reads, long Writes);

/// <summary>Counts one host's grain state reads and writes by state name, from the runtime's own counters.</summary>
public sealed class StateCounters : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, StateCounts> _counts = new(StringComparer.Ordinal);
    private readonly MeterListener _listener = new();

    public StateCounters(IServiceProvider services)
    {
        var meterFactory = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == StorageInstrumentation.MeterName && ReferenceEquals(instrument.Meter.Scope, meterFactory) && instrument.Name is StorageInstrumentation.ReadsCounter or StorageInstrumentation.WritesCounter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnMeasurement);
        _listener.Start();
    }

    /// <summary>The counts of every state together.</summary>
    public StateCounts Total
    {
        get
        {
            lock (_lock)
            {
                return new(_counts.Values.Sum(c => c.Reads), _counts.Values.Sum(c => c.Writes));
            }
        }
    }

    public StateCounts Of(string stateName)
    {
        lock (_lock)
        {
            return _counts.GetValueOrDefault(stateName);
        }
    }

    public void Dispose() => _listener.Dispose();

    private void OnMeasurement(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        var stateName = "?";
        foreach (var tag in tags)
        {
            if (tag.Key == StorageInstrumentation.StateTag)
            {
                stateName = (string)tag.Value!;
            }
        }

        lock (_lock)
        {
            var counts = _counts.GetValueOrDefault(stateName);
            _counts[stateName] = instrument.Name == StorageInstrumentation.ReadsCounter ? counts with { Reads = counts.Reads + value } : counts with { Writes = counts.Writes + value };
        }
    }
}
