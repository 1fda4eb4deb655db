using System.Diagnostics;
using BenchmarkDotNet.Analysers;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Validators;

namespace TaskActors.Runtime.Benchmarks.Diagnostics;

/// <summary>
/// Measures how many CPU cores the benchmark process kept busy while its measured iterations ran: the process's CPU
/// time (all threads: callers, silos, GC, timers) over the wall time between BenchmarkDotNet's
/// <see cref="HostSignal.BeforeActualRun"/> and <see cref="HostSignal.AfterActualRun"/>. Dividing calls per second by
/// it gives calls per second per core, the figure the runtime's throughput target is stated in.
/// </summary>
public sealed class CpuTimeDiagnoser : IDiagnoser
{
    private readonly Dictionary<BenchmarkCase, Sample> _samples = [];
    private (TimeSpan Cpu, long Timestamp) _start;

    /// <inheritdoc />
    public IEnumerable<string> Ids => [nameof(CpuTimeDiagnoser)];

    /// <inheritdoc />
    public IEnumerable<IExporter> Exporters => [];

    /// <inheritdoc />
    public IEnumerable<IAnalyser> Analysers => [];

    /// <inheritdoc />
    public RunMode GetRunMode(BenchmarkCase benchmarkCase) => RunMode.NoOverhead;

    /// <inheritdoc />
    public void Handle(HostSignal signal, DiagnoserActionParameters parameters)
    {
        switch (signal)
        {
            case HostSignal.BeforeActualRun:
                _start = (CpuTime(parameters.Process), Stopwatch.GetTimestamp());
                break;
            case HostSignal.AfterActualRun:
                var cpu = CpuTime(parameters.Process) - _start.Cpu;
                var wall = Stopwatch.GetElapsedTime(_start.Timestamp);
                var sample = _samples.GetValueOrDefault(parameters.BenchmarkCase);
                _samples[parameters.BenchmarkCase] = new Sample(sample.Cpu + cpu, sample.Wall + wall);
                break;
        }
    }

    /// <inheritdoc />
    public IEnumerable<Metric> ProcessResults(DiagnoserResults results)
    {
        if (_samples.TryGetValue(results.BenchmarkCase, out var sample) && sample.Wall > TimeSpan.Zero)
        {
            yield return new Metric(CpuCoresMetricDescriptor.Instance, sample.Cpu / sample.Wall);
        }
    }

    /// <inheritdoc />
    public void DisplayResults(ILogger logger)
    {
    }

    /// <inheritdoc />
    public IEnumerable<ValidationError> Validate(ValidationParameters validationParameters) => [];

    private static TimeSpan CpuTime(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    private readonly record struct Sample(TimeSpan Cpu, TimeSpan Wall);
}
