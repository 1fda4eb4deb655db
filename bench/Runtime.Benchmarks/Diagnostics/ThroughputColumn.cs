using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace TaskActors.Runtime.Benchmarks.Diagnostics;

/// <summary>
/// Calls per second from the mean time per call (every benchmark sets OperationsPerInvoke to its call count), and,
/// with <see cref="PerCore"/>, divided by the CPU cores <see cref="CpuTimeDiagnoser"/> saw the process use.
/// </summary>
public sealed class ThroughputColumn : IColumn
{
    /// <summary>Calls per second.</summary>
    public static readonly ThroughputColumn PerSecond = new(perCore: false);

    /// <summary>Calls per second per busy CPU core.</summary>
    public static readonly ThroughputColumn PerCore = new(perCore: true);

    private readonly bool _perCore;

    private ThroughputColumn(bool perCore) => _perCore = perCore;

    /// <inheritdoc />
    public string Id => _perCore ? "CallsPerSecondPerCore" : "CallsPerSecond";

    /// <inheritdoc />
    public string ColumnName => _perCore ? "Calls/s/core" : "Calls/s";

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc />
    public int PriorityInCategory => _perCore ? 1 : 0;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc />
    public string Legend => _perCore
        ? "Calls per second divided by the CPU cores the process kept busy (calls per CPU-second)"
        : "Calls per second (1 s / mean time per call)";

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is not { Mean: > 0 } statistics)
        {
            return "NA";
        }

        var perSecond = 1e9 / statistics.Mean;
        if (!_perCore)
        {
            return perSecond.ToString("N0", CultureInfo.InvariantCulture);
        }

        return report.Metrics.TryGetValue(CpuCoresMetricDescriptor.Instance.Id, out var cores) && cores.Value > 0
            ? (perSecond / cores.Value).ToString("N0", CultureInfo.InvariantCulture)
            : "NA";
    }

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;
}
