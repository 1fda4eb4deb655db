namespace TaskActors.ServiceDefaults.Diagnostics;

/// <summary>Opt-in diagnostics endpoints. Bound from <c>TaskActors:Diagnostics</c>.</summary>
public sealed class DiagnosticsOptions
{
    /// <summary>The configuration section (under <c>TaskActors</c>).</summary>
    public const string SectionName = "Diagnostics";

    /// <summary>
    /// Whether <c>GET /diagnostics/counters</c> returns the totals of the runtime's counters (state reads and writes,
    /// activations, grain calls) since the process started, as JSON. Meant for benchmarks and debugging; it shows
    /// counts only, never keys or data. Default false: the endpoint is not mapped.
    /// </summary>
    public bool Counters { get; set; }

    /// <summary>
    /// Whether traces and metrics are collected even without an OTLP endpoint (for an exporter a test or a host adds).
    /// Setting <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> turns collection on by itself. Default false: no listener, no cost.
    /// </summary>
    public bool Telemetry { get; set; }
}
