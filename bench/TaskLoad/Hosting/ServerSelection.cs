namespace TaskActors.TaskLoad.Hosting;

/// <summary>The <c>--servers</c> option's names for the servers: several, space- or comma-separated, or <c>all</c>.</summary>
internal static class ServerSelection
{
    public const string Help = "embedded (TaskActors, in-memory), redis (TaskActors on its own redis-server), ts (the TS SDK task server), or all";

    private static readonly Dictionary<string, ServerKind> Names = new Dictionary<string, ServerKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["embedded"] = ServerKind.Embedded,
        ["redis"] = ServerKind.Redis,
        ["ts"] = ServerKind.TypeScript,
    };

    /// <summary>The servers <paramref name="values"/> name, in the order a run measures them; an empty list means all.</summary>
    public static IReadOnlyList<ServerKind> Parse(IEnumerable<string> values)
    {
        var names = values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (names.Count == 0 || names.Contains("all", StringComparer.OrdinalIgnoreCase))
        {
            return Enum.GetValues<ServerKind>();
        }

        return names.Select(name => Names.TryGetValue(name, out var kind) ? kind : throw new ArgumentException($"Unknown server '{name}'; use {Help}."))
            .Distinct()
            .Order()
            .ToList();
    }
}
