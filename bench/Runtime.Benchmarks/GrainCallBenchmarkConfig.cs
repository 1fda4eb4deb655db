using BenchmarkDotNet.Configs;
using TaskActors.Runtime.Benchmarks.Diagnostics;

namespace TaskActors.Runtime.Benchmarks;

/// <summary>Adds CPU cores and calls per second (total and per core) to the default columns; the job comes from the command line.</summary>
public sealed class GrainCallBenchmarkConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public GrainCallBenchmarkConfig()
    {
        AddDiagnoser(new CpuTimeDiagnoser());
        AddColumn(ThroughputColumn.PerSecond, ThroughputColumn.PerCore);
    }
}
