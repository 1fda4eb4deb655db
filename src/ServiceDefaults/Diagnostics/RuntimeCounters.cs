using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using TaskActors.Runtime.Diagnostics;

namespace TaskActors.ServiceDefaults.Diagnostics;

/// <summary>
/// Adds up the runtime's counters (state reads and writes, activations, grain calls) of this host's meter from the
/// moment it is created, split by what each measurement counted: state name, grain type, method. Created only when
/// <see cref="DiagnosticsOptions.Counters"/> is on; with it off the runtime's counters stay unobserved.
/// </summary>
internal sealed class RuntimeCounters : IDisposable
{
    private readonly ConcurrentDictionary<string, CounterTally> _tallies = new(StringComparer.Ordinal);
    private readonly MeterListener _listener = new();

    public RuntimeCounters(IMeterFactory meterFactory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // The meter's scope is the factory that made it: another host in this process has its own.
            if (instrument.Meter.Name == RuntimeInstrumentation.Name && ReferenceEquals(instrument.Meter.Scope, meterFactory) && instrument is Counter<long> or UpDownCounter<long>)
            {
                listener.EnableMeasurementEvents(instrument, _tallies.GetOrAdd(instrument.Name, _ => new CounterTally()));
            }
        };
        _listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((CounterTally)state!).Add(value, tags));
        _listener.Start();
    }

    /// <summary>The totals so far, by instrument name.</summary>
    public CounterReport Report() => new()
    {
        Meter = RuntimeInstrumentation.Name,
        Counters = new SortedDictionary<string, CounterTotals>(_tallies.ToDictionary(t => t.Key, t => t.Value.Totals()), StringComparer.Ordinal),
    };

    public void Dispose() => _listener.Dispose();

    /// <summary>One instrument's running totals, keyed by (state, grain type, method) so a measurement allocates nothing once its key is known.</summary>
    private sealed class CounterTally
    {
        private readonly ConcurrentDictionary<(string? State, string? GrainType, string? Method), StrongBox<long>> _by = new();

        public void Add(long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            (string? State, string? GrainType, string? Method) key = default;
            foreach (var tag in tags)
            {
                switch (tag.Key)
                {
                    case RuntimeInstrumentation.StateTag:
                        key.State = tag.Value as string;
                        break;
                    case RuntimeInstrumentation.GrainTypeTag:
                        key.GrainType = tag.Value as string;
                        break;
                    case RuntimeInstrumentation.MethodTag:
                        key.Method = tag.Value as string;
                        break;
                }
            }

            Interlocked.Add(ref _by.GetOrAdd(key, static _ => new StrongBox<long>()).Value, value);
        }

        public CounterTotals Totals()
        {
            var by = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var (key, total) in _by)
            {
                var name = string.Join('/', new[] { key.State, key.GrainType, key.Method }.Where(part => part is not null));
                name = name.Length == 0 ? "-" : name;
                by[name] = by.GetValueOrDefault(name) + Interlocked.Read(ref total.Value);
            }

            return new CounterTotals { Total = by.Values.Sum(), By = by };
        }
    }
}
