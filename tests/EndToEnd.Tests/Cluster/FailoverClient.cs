using System.Globalization;
using System.Text.Json;

namespace TaskActors.EndToEnd.Tests.Cluster;

/// <summary>
/// tests/e2e/failover-client.mjs (the official TS SDK client) running against a gateway: it starts the tasks, says
/// <c>STARTED</c>, polls them until they are terminal and prints one <c>TASK</c> line each. Lines are read as they come,
/// so the test can act between the start and the end.
/// </summary>
public sealed class FailoverClient : IAsyncDisposable
{
    private const string StartedPrefix = "STARTED ";
    private const string TaskPrefix = "TASK ";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly NodeClient _script;

    private FailoverClient(NodeClient script) => _script = script;

    /// <summary>Everything the script printed so far (for failure messages).</summary>
    public string Output => _script.Output;

    /// <summary>Starts the script: <paramref name="count"/> tasks of <paramref name="seconds"/> each, one session per token.</summary>
    public static FailoverClient Start(string url, int count, double seconds, TimeSpan deadline, IEnumerable<string> tokens) =>
        new(NodeClient.Start(
            "failover-client.mjs",
            [
                url,
                count.ToString(CultureInfo.InvariantCulture),
                seconds.ToString(CultureInfo.InvariantCulture),
                ((int)deadline.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                .. tokens,
            ]));

    /// <summary>Waits until every task was created and seen working; returns them in the order they were started.</summary>
    public async Task<IReadOnlyList<StartedTask>> WaitUntilStartedAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        JsonSerializer.Deserialize<List<StartedTask>>(await _script.WaitForLineAsync(StartedPrefix, timeout, cancellationToken), Json)!;

    /// <summary>Waits until the script has polled every task to its end and reported it; returns the reports.</summary>
    public async Task<IReadOnlyList<ObservedTask>> WaitForReportsAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _script.WaitForSuccessAsync(timeout, cancellationToken);
        return [.. _script.LinesStartingWith(TaskPrefix).Select(line => JsonSerializer.Deserialize<ObservedTask>(line, Json)!)];
    }

    public ValueTask DisposeAsync() => _script.DisposeAsync();
}
