using System.Text.RegularExpressions;

namespace TaskActors.EndToEnd.Tests.Cluster;

/// <summary>
/// What a silo's console log says about tasks: the audit lines a task grain writes where it is active (created,
/// finished) and the warning of a re-drive (a run lost with its silo, started again).
/// </summary>
public static partial class SiloLog
{
    /// <summary>The ids of the tasks created on the silo that wrote <paramref name="output"/>.</summary>
    public static IReadOnlySet<string> Created(string output) =>
        CreatedPattern().Matches(output).Select(m => m.Groups["task"].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>Each task re-driven on the silo, with the attempts it started there.</summary>
    public static ILookup<string, int> Redriven(string output) =>
        RedrivenPattern().Matches(output).ToLookup(m => m.Groups["task"].Value, m => int.Parse(m.Groups["attempt"].Value, System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);

    /// <summary>Each task finished on the silo, with the terminal statuses it was audited with.</summary>
    public static ILookup<string, string> Finished(string output) =>
        FinishedPattern().Matches(output).ToLookup(m => m.Groups["task"].Value, m => m.Groups["status"].Value, StringComparer.Ordinal);

    /// <summary>Each task whose run the silo stopped because the task's activation deactivated, with the reasons.</summary>
    public static ILookup<string, string> StoppedRuns(string output) =>
        StoppedPattern().Matches(output).ToLookup(m => m.Groups["task"].Value, m => m.Groups["reason"].Value, StringComparer.Ordinal);

    /// <summary>The last <paramref name="count"/> lines of <paramref name="output"/> (for failure messages).</summary>
    public static string Tail(string output, int count = 120)
    {
        var lines = output.Split('\n');
        return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - count)));
    }

    [GeneratedRegex(@"Audit: task (?<task>\S+) created in scope \S+ for tool \S+")]
    private static partial Regex CreatedPattern();

    [GeneratedRegex(@"Task (?<task>\S+) lost its run with its silo; starting attempt (?<attempt>\d+)")]
    private static partial Regex RedrivenPattern();

    [GeneratedRegex(@"Task (?<task>\S+) stops its run because its activation is deactivating \((?<reason>[^)]+)\)")]
    private static partial Regex StoppedPattern();

    [GeneratedRegex(@"Audit: task (?<task>\S+) in scope \S+ finished (?<status>\w+)")]
    private static partial Regex FinishedPattern();
}
