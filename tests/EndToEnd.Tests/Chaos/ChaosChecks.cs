using System.Text.Json;
using System.Text.RegularExpressions;
using TaskActors.EndToEnd.Tests.Cluster;

namespace TaskActors.EndToEnd.Tests.Chaos;

/// <summary>
/// The checks every chaos case makes of the client's report and the silos' logs, one line per problem: every task the
/// client created reached exactly one terminal state (completed) and kept it, answered the same result twice, ran
/// with its original context, was listed once; no silo audited a task finished twice; and the other user's probes were
/// all answered "not found".
/// </summary>
public static partial class ChaosChecks
{
    private const string Completed = "completed";
    private static readonly HashSet<string> Terminal = [Completed, "failed", "cancelled"];

    /// <summary>Everything wrong with the tasks the client created, their results and listings.</summary>
    public static List<string> Tasks(ChaosReport report)
    {
        var problems = new List<string>();
        if (report.Tasks.Count == 0)
        {
            problems.Add("the client created no task");
        }

        var listed = ListedByUser(report);
        foreach (var task in report.Tasks)
        {
            problems.AddRange(Task(task, listed.GetValueOrDefault(task.User)).Select(problem => $"task {task.TaskId} ({task.Kind} {task.Tool}, session {task.Session}): {problem}"));
        }

        foreach (var listing in report.Listings.Where(l => l.Error is not null))
        {
            problems.Add($"tasks/list of session {listing.Session} failed: {listing.Error}");
        }

        return problems;
    }

    /// <summary>Tasks that tasks/list shows but the client never got a task id for (creations it saw fail), with their status.</summary>
    public static IReadOnlyList<ListedTask> Unacknowledged(ChaosReport report)
    {
        var known = report.Tasks.Select(t => t.TaskId).ToHashSet(StringComparer.Ordinal);
        return [.. report.Listings.SelectMany(l => l.Tasks).Where(t => !known.Contains(t.TaskId)).DistinctBy(t => t.TaskId)];
    }

    /// <summary>Tasks that some silo audited finished more than once (a task completed twice).</summary>
    public static List<string> FinishedOnce(ChaosReport report, IEnumerable<ClusterProcess> silos)
    {
        var finished = silos.SelectMany(silo => SiloLog.Finished(silo.Output).SelectMany(g => g.Select(status => (Task: g.Key, Status: status, Silo: silo.Name))))
            .ToLookup(f => f.Task, StringComparer.Ordinal);
        return [.. report.Tasks
            .Where(task => finished[task.TaskId].Count() > 1)
            .Select(task => $"task {task.TaskId}: audited finished {finished[task.TaskId].Count()} times ({string.Join(", ", finished[task.TaskId].Select(f => $"{f.Status} on {f.Silo}"))})")];
    }

    /// <summary>
    /// Everything wrong with the other user's probes: any answer but "not found" that was not an allowed retryable
    /// failure, a probe answered as if the task were the prober's, or a non-empty tasks/list of the prober.
    /// </summary>
    public static List<string> Probes(ChaosReport report, Func<ProbeError, bool> allowed)
    {
        var problems = new List<string>();
        var probes = report.Probes;
        if (probes.Count == 0)
        {
            problems.Add("the prober made no probe");
        }

        problems.AddRange(probes.Leaks.Select(leak => $"probe {leak.Method} of {leak.TaskId} was answered as the prober's own task: {leak.Answer}"));
        problems.AddRange(probes.Errors.Where(error => !allowed(error)).Select(error => $"probe {error.Method} of {error.TaskId} failed with {error.Code}: {error.Message}"));
        if (probes.Listing is not { ValueKind: JsonValueKind.Array } listing || listing.GetArrayLength() != 0)
        {
            problems.Add($"the prober's tasks/list showed {probes.Listing?.GetRawText() ?? "nothing (it failed)"}, not an empty list");
        }

        return problems;
    }

    /// <summary>
    /// Whether a failure told the client, in words or by status, to retry: HTTP 503 with Retry-After, or JSON-RPC
    /// -32603 whose message says to retry.
    /// </summary>
    public static bool IsRetryable(int? code, string message) =>
        (code == 503 && message.Contains("retry", StringComparison.OrdinalIgnoreCase))
        || (code == -32603 && message.Contains("retry", StringComparison.OrdinalIgnoreCase));

    private static Dictionary<string, Dictionary<string, List<string>>> ListedByUser(ChaosReport report) =>
        report.Listings.Where(l => l.Error is null).GroupBy(l => l.User).ToDictionary(
            g => g.Key,
            g => g.First().Tasks.GroupBy(t => t.TaskId).ToDictionary(t => t.Key, t => t.Select(x => x.Status).ToList()));

    private static IEnumerable<string> Task(ChaosTask task, Dictionary<string, List<string>>? listed)
    {
        var statuses = string.Join(" -> ", task.Statuses.Select(s => $"{s.Status} x{s.Count}"));
        var firstTerminal = task.Statuses.ToList().FindIndex(s => Terminal.Contains(s.Status));
        if (firstTerminal < 0 || firstTerminal != task.Statuses.Count - 1 || task.Statuses[firstTerminal].Status != Completed)
        {
            yield return $"tasks/get answered {statuses}; expected working or input_required, then completed and nothing else";
        }

        if (task.FinalStatus != Completed)
        {
            yield return $"tasks/get answered {task.FinalStatus} after the run";
        }

        if (!JsonElement.DeepEquals(task.Result, task.ResultAgain))
        {
            yield return $"tasks/result answered two different results: {task.Result.GetRawText()} and {task.ResultAgain.GetRawText()}";
        }

        if (listed is null || !listed.TryGetValue(task.TaskId, out var shown) || !shown.SequenceEqual([Completed]))
        {
            yield return $"tasks/list of its user showed it as [{string.Join(", ", listed?.GetValueOrDefault(task.TaskId) ?? [])}]; expected once, completed";
        }

        foreach (var problem in Result(task))
        {
            yield return problem;
        }
    }

    private static IEnumerable<string> Result(ChaosTask task)
    {
        if (task.ResultText is not { } text || (task.Result.TryGetProperty("isError", out var isError) && isError.ValueKind == JsonValueKind.True))
        {
            yield return $"tasks/result answered no successful result: {task.Result.GetRawText()}";
            yield break;
        }

        if (task.Kind == ChaosKinds.Input)
        {
            if (text != $"answer-{task.TaskId}")
            {
                yield return $"ask_user returned '{text}', not the answer the client gave it ('answer-{task.TaskId}')";
            }

            yield break;
        }

        var whoami = JsonElement.Parse(text).GetProperty("whoami");
        var child = task.Tool.StartsWith("child_", StringComparison.Ordinal);
        foreach (var mismatch in WhoAmIChecks.Mismatches(whoami, task.TaskId, task.User, task.SessionId, child))
        {
            yield return $"its run saw {mismatch}";
        }
    }

    /// <summary>The silo a <c>slow_whoami</c> result says ran it, and when that run started; null for other tools.</summary>
    public static (string? Silo, DateTimeOffset RunStartedAt)? RunOf(ChaosTask task)
    {
        if (task.Kind == ChaosKinds.Input || task.ResultText is not { } text || !text.StartsWith('{'))
        {
            return null;
        }

        var report = JsonElement.Parse(text);
        return (report.GetProperty("silo").GetString(), report.GetProperty("runStartedAt").GetDateTimeOffset());
    }

    /// <summary>The task id of a re-drive line (<c>Task … lost its run with its silo; starting attempt n</c>), or null.</summary>
    public static (string TaskId, int Attempt)? Redrive(string line)
    {
        var match = RedrivePattern().Match(line);
        return match.Success ? (match.Groups["task"].Value, int.Parse(match.Groups["attempt"].Value, System.Globalization.CultureInfo.InvariantCulture)) : null;
    }

    [GeneratedRegex(@"Task (?<task>\S+) lost its run with its silo; starting attempt (?<attempt>\d+)")]
    private static partial Regex RedrivePattern();
}
