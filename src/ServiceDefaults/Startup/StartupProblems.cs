using TaskActors.ServiceDefaults.Logging;

namespace TaskActors.ServiceDefaults.Startup;

/// <summary>What stopped the process from starting, one line per problem, each naming the setting to fix.</summary>
internal sealed class StartupProblems
{
    /// <summary>How many characters of one problem are shown (values in it come from configuration and may be long).</summary>
    public const int MaxLineLength = 512;

    private readonly List<string> _lines = [];

    /// <summary>Whether any problem was found.</summary>
    public bool Any => _lines.Count > 0;

    /// <summary>Adds a problem (escaped and bounded, as it may quote a setting's value); duplicates are kept once.</summary>
    public void Add(string problem)
    {
        var line = LogText.Escape(problem, MaxLineLength);
        if (!_lines.Contains(line, StringComparer.Ordinal))
        {
            _lines.Add(line);
        }
    }

    /// <summary>Writes every problem to <paramref name="error"/> (standard error) and returns the process's exit code, 1.</summary>
    public int Report(TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        error.WriteLine($"{AppDomain.CurrentDomain.FriendlyName} could not start; fix {(_lines.Count == 1 ? "this problem" : $"these {_lines.Count} problems")} and start it again:");
        foreach (var line in _lines)
        {
            error.WriteLine($"  - {line}");
        }

        error.Flush();
        return 1;
    }
}
