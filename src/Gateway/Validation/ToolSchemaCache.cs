using System.Collections.Concurrent;
using System.Text.Json;

namespace TaskActors.Gateway.Validation;

/// <summary>
/// Compiled tool schemas, keyed by the schema's own text: a server that changes a tool's schema gets it recompiled on
/// the next call, and identical schemas share one compilation.
/// </summary>
/// <remarks>
/// Process-wide like the runtime's own Regex cache, because a compiled schema is a pure function of its text. Bounded:
/// past <see cref="MaxEntries"/> schemas (a catalog that keeps changing) the cache starts again from empty.
/// </remarks>
internal static class ToolSchemaCache
{
    /// <summary>How many distinct schemas are kept at most.</summary>
    public const int MaxEntries = 1024;

    private static readonly ConcurrentDictionary<string, Lazy<CompiledToolSchema>> Entries = new(StringComparer.Ordinal);

    /// <summary>The compiled form of <paramref name="schema"/>, compiling it on first use.</summary>
    public static CompiledToolSchema GetOrCompile(JsonElement schema)
    {
        var text = schema.GetRawText();
        if (Entries.TryGetValue(text, out var entry))
        {
            return entry.Value;
        }

        if (Entries.Count >= MaxEntries)
        {
            Entries.Clear();
        }

        // Lazy makes concurrent first calls share one compilation (and so one log line for a faulty schema).
        return Entries.GetOrAdd(text, static t => new Lazy<CompiledToolSchema>(() => ToolSchemaCompiler.Compile(t))).Value;
    }
}
