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
}
