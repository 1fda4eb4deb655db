using System.Globalization;

namespace TaskActors.TaskLoad.Hosting;

/// <summary>
/// One local cluster configuration of <c>--cluster</c>: silo processes × gateway processes, written <c>2x1</c>. With no
/// gateway processes (<c>3x0</c>) clients use the silos' co-hosted MCP endpoints.
/// </summary>
internal readonly record struct ClusterShape(int Silos, int Gateways)
{
    public const string Help = "silos x gateways, e.g. 1x1,2x1,3x1,1x2,2x2,3x2 (1-16 silos, 0-16 gateways; 0 gateways: clients use the silos' co-hosted endpoints)";

    /// <summary>How reports name it.</summary>
    public string Name => Gateways == 0
        ? string.Create(CultureInfo.InvariantCulture, $"Cluster {this}: {Plural(Silos, "silo")}, gateway co-hosted")
        : string.Create(CultureInfo.InvariantCulture, $"Cluster {this}: {Plural(Silos, "silo")} + {Plural(Gateways, "gateway")}");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Silos}x{Gateways}");

    /// <summary>The configurations <paramref name="values"/> name (several, space- or comma-separated), in order, each once.</summary>
    public static IReadOnlyList<ClusterShape> ParseList(IEnumerable<string> values) =>
        values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(Parse)
            .Distinct()
            .ToList();

    private static ClusterShape Parse(string value)
    {
        var parts = value.Split('x', 'X', '×');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var silos)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var gateways)
            && silos is >= 1 and <= 16
            && gateways is >= 0 and <= 16)
        {
            return new ClusterShape(silos, gateways);
        }

        throw new ArgumentException($"'{value}' is not a cluster configuration; use {Help}.");
    }

    private static string Plural(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}
