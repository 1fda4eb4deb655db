namespace TaskActors.TaskLoad.Hosting;

/// <summary>The <c>--servers</c> option's names for the servers: several, space- or comma-separated, <c>all</c> or <c>none</c>.</summary>
internal static class ServerSelection
{
    public const string Help = "embedded (TaskActors, in-memory), redis (TaskActors on its own redis-server), ts (the TS SDK task server), all, or none (with --cluster)";

    private static readonly Dictionary<string, ServerKind> Names = new Dictionary<string, ServerKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["embedded"] = ServerKind.Embedded,
        ["redis"] = ServerKind.Redis,
        ["ts"] = ServerKind.TypeScript,
    };

    /// <summary>The servers <paramref name="values"/> name, in the order a run measures them; an empty list means all, <c>none</c> none.</summary>
    public static IReadOnlyList<ServerKind> Parse(IEnumerable<string> values)
    {
        var names = values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (names.Count > 0 && names.All(name => name.Equals("none", StringComparison.OrdinalIgnoreCase)))
        {
            return [];
        }

        if (names.Count == 0 || names.Contains("all", StringComparer.OrdinalIgnoreCase))
        {
            return [ServerKind.Embedded, ServerKind.Redis, ServerKind.TypeScript];
        }

        return names.Select(name => Names.TryGetValue(name, out var kind) ? kind : throw new ArgumentException($"Unknown server '{name}'; use {Help}."))
            .Distinct()
            .Order()
            .ToList();
    }
}
