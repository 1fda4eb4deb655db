using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace TaskActors.ServiceDefaults.Diagnostics;

/// <summary>
/// Adds up the counters of this host's TaskActors meters (state reads and writes, grain calls, task events) from the
/// moment it is created, split by what each measurement counted: state name, grain type, method. Created only when
/// <see cref="DiagnosticsOptions.Counters"/> is on; with it off the counters stay unobserved.
/// </summary>
internal sealed class MeterCounters : IDisposable
{
    private readonly ConcurrentDictionary<string, CounterTally> _tallies = new(StringComparer.Ordinal);
    private readonly MeterListener _listener = new();

    /// <summary>The name prefix of the meters counted.</summary>
    public const string MeterPrefix = "TaskActors.";

    /// <summary>Tag: the name of a grain state.</summary>
    public const string StateTag = "taskactors.state";

    /// <summary>Tag: the grain type of a call.</summary>
    public const string GrainTypeTag = "taskactors.grain.type";

    /// <summary>Tag: the method of a call.</summary>
    public const string MethodTag = "taskactors.grain.method";

    public MeterCounters(IMeterFactory meterFactory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // The meter's scope is the factory that made it: another host in this process has its own.
            if (instrument.Meter.Name.StartsWith(MeterPrefix, StringComparison.Ordinal) && ReferenceEquals(instrument.Meter.Scope, meterFactory) && instrument is Counter<long> or UpDownCounter<long>)
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
        Meter = MeterPrefix + "*",
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
                    case StateTag:
                        key.State = tag.Value as string;
                        break;
                    case GrainTypeTag:
                        key.GrainType = tag.Value as string;
                        break;
                    case MethodTag:
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
