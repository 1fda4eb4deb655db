using System.Text.Json;

namespace TaskActors.TaskLoad.Measurement;

/// <summary>
/// The Silo's runtime counters as <c>GET /diagnostics/counters</c> reports them (enabled by
/// <c>TaskActors:Diagnostics:Counters=true</c>): instrument name → split key (state name, or grain type/method) → total.
/// </summary>
internal sealed class RuntimeCounterSnapshot
{
    public const string Path = "/diagnostics/counters";

    private readonly Dictionary<string, Dictionary<string, long>> _counters;

    private RuntimeCounterSnapshot(Dictionary<string, Dictionary<string, long>> counters) => _counters = counters;

    public static async Task<RuntimeCounterSnapshot> ReadAsync(HttpClient http, Uri mcpUrl, CancellationToken cancellationToken)
    {
        var json = await http.GetStringAsync(new Uri(mcpUrl, Path), cancellationToken);
        using var document = JsonDocument.Parse(json);
        var counters = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        foreach (var counter in document.RootElement.GetProperty("counters").EnumerateObject())
        {
            counters[counter.Name] = counter.Value.GetProperty("by").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal);
        }

        return new RuntimeCounterSnapshot(counters);
    }

    /// <summary>Every split of <paramref name="instrument"/> whose value changed since <paramref name="before"/>, with the change.</summary>
    public IReadOnlyDictionary<string, long> ChangesSince(RuntimeCounterSnapshot before, string instrument)
    {
        var now = _counters.GetValueOrDefault(instrument) ?? [];
        var then = before._counters.GetValueOrDefault(instrument) ?? [];
        return now.Select(p => (p.Key, Change: p.Value - then.GetValueOrDefault(p.Key)))
            .Where(p => p.Change != 0)
            .ToDictionary(p => p.Key, p => p.Change, StringComparer.Ordinal);
    }
}
