using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;

namespace TaskActors.Runtime.Benchmarks.Diagnostics;

/// <summary>The metric <see cref="CpuTimeDiagnoser"/> reports: CPU cores kept busy on average.</summary>
public sealed class CpuCoresMetricDescriptor : IMetricDescriptor
{
    /// <summary>The one instance.</summary>
    public static readonly CpuCoresMetricDescriptor Instance = new();

    private CpuCoresMetricDescriptor()
    {
    }

    /// <inheritdoc />
    public string Id => "CpuCores";

    /// <inheritdoc />
    public string DisplayName => "CPU cores";

    /// <inheritdoc />
    public string Legend => "CPU cores the benchmark process kept busy on average while measured (process CPU time / wall time)";

    /// <inheritdoc />
    public string NumberFormat => "0.00";

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc />
    public string Unit => "cores";

    /// <inheritdoc />
    public bool TheGreaterTheBetter => false;

    /// <inheritdoc />
    public int PriorityInCategory => 0;

    /// <inheritdoc />
    public bool GetIsAvailable(Metric metric) => true;
}
