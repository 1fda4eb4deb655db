using System.Globalization;
using System.Text.RegularExpressions;

namespace TaskActors.EndToEnd.Tests;

/// <summary>
/// The summary the conformance CLI (<c>server</c> command) prints at the end of a run: after <c>=== SUMMARY ===</c> one
/// line per scenario run (<c>✓ name: N passed, M failed</c>, ✗ when a check failed), the check totals
/// (<c>Total: N passed, M failed</c>, counting the checks of every scenario run), and under <c>--requirements</c> the
/// scenarios that revision runs without scoring (<c>Not scored for REV: ...</c>, then <c>  ✓ name (reason)</c> each).
/// </summary>
public sealed partial record ConformanceSummary(
    IReadOnlyList<(string Name, bool Passed)> Scenarios,
    IReadOnlySet<string> NotScored,
    int ChecksPassed,
    int ChecksFailed)
{
    /// <summary>The scenarios that count: every one run, less those the requirement set does not score.</summary>
    public IReadOnlyList<(string Name, bool Passed)> Scored => [.. Scenarios.Where(s => !NotScored.Contains(s.Name))];

    public int ScoredPassed => Scored.Count(s => s.Passed);

    /// <summary>The scenarios run (scored or not) that had a failed check.</summary>
    public IEnumerable<string> Failing => Scenarios.Where(s => !s.Passed).Select(s => s.Name);

    /// <summary>Reads the summary from the CLI's output; null when the run printed none (it died early).</summary>
    public static ConformanceSummary? Parse(string output)
    {
        var lines = AnsiEscape().Replace(output, string.Empty).Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        var start = lines.FindLastIndex(line => line == "=== SUMMARY ===");
        if (start < 0)
        {
            return null;
        }

        var scenarios = new List<(string, bool)>();
        var notScored = new HashSet<string>(StringComparer.Ordinal);
        (int Passed, int Failed)? checks = null;
        var inNotScored = false;
        foreach (var line in lines.Skip(start + 1))
        {
            if (line.StartsWith("Not scored for ", StringComparison.Ordinal))
            {
                inNotScored = true;
            }
            else if (inNotScored && NotScoredLine().Match(line) is { Success: true } unscored)
            {
                notScored.Add(unscored.Groups["name"].Value);
            }
            else if (!inNotScored && ScenarioLine().Match(line) is { Success: true } scenario)
            {
                scenarios.Add((scenario.Groups["name"].Value, scenario.Groups["mark"].Value == "✓"));
            }
            else if (TotalLine().Match(line) is { Success: true } total)
            {
                checks = (Number(total.Groups["passed"]), Number(total.Groups["failed"]));
            }
        }

        return checks is { } totals ? new ConformanceSummary(scenarios, notScored, totals.Passed, totals.Failed) : null;
    }

    private static int Number(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial Regex AnsiEscape();

    [GeneratedRegex(@"^(?<mark>✓|✗) (?<name>\S+): \d+ passed, \d+ failed")]
    private static partial Regex ScenarioLine();

    [GeneratedRegex(@"^  (?<mark>✓|✗) (?<name>\S+) \(")]
    private static partial Regex NotScoredLine();

    [GeneratedRegex(@"^Total: (?<passed>\d+) passed, (?<failed>\d+) failed")]
    private static partial Regex TotalLine();
}
