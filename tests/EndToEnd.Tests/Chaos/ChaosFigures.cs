using System.Globalization;
using Xunit;

namespace TaskActors.EndToEnd.Tests.Chaos;

/// <summary>Writes a case's figures to the test output, one <c>FIGURE name: value</c> line each, for docs/reliability.md.</summary>
public sealed class ChaosFigures(ITestOutputHelper output, string @case)
{
    /// <summary>Writes one figure.</summary>
    public void Add(string name, string value) => output.WriteLine($"FIGURE {@case} | {name}: {value}");

    /// <summary>Writes a duration in seconds.</summary>
    public void Seconds(string name, TimeSpan value) => Add(name, Format(value));

    /// <summary>A duration as <c>1.23 s</c>.</summary>
    public static string Format(TimeSpan value) => value.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    /// <summary>The failed requests, grouped by method, code and the start of their message.</summary>
    public void Errors(ChaosReport report)
    {
        foreach (var group in report.Errors.GroupBy(e => $"{e.Method} {e.Code} {e.Message[..Math.Min(e.Message.Length, 140)]}").OrderByDescending(g => g.Count()))
        {
            Add("failed", $"{group.Count()} x {group.Key} (longest {group.Max(e => e.Ms)} ms)");
        }

        foreach (var group in report.HttpErrors.GroupBy(e => $"{e.Method} HTTP {e.Status} Retry-After {e.RetryAfter ?? "none"} {e.Body[..Math.Min(e.Body.Length, 140)]}"))
        {
            Add("HTTP error", $"{group.Count()} x {group.Key}");
        }

        foreach (var group in report.TransportEvents.GroupBy(e => e.Message[..Math.Min(e.Message.Length, 140)]))
        {
            Add("SDK event", $"{group.Count()} x {group.Key}");
        }
    }

    /// <summary>The report's request counts and longest latencies, by method.</summary>
    public void Latencies(ChaosReport report)
    {
        foreach (var (method, stats) in report.Latency.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            Add($"requests {method}", $"{stats.Count} ({stats.Errors} failed), longest {stats.MaxMs} ms, mean {(stats.Count == 0 ? 0 : stats.TotalMs / stats.Count)} ms");
        }
    }
}
