using System.Text.Json.Nodes;

namespace TaskActors.EndToEnd.Tests.Chaos;

/// <summary>What the chaos client does: its sessions, its prober, the tasks it starts and how it polls them.</summary>
public sealed record ChaosWorkload
{
    /// <summary>The gateways' MCP URLs.</summary>
    public required IReadOnlyList<string> Gateways { get; init; }

    /// <summary>The workload's sessions: a user, their token, and the gateway (index) each starts on.</summary>
    public required IReadOnlyList<ChaosSession> Sessions { get; init; }

    /// <summary>Another user, whose session probes the workload's task ids; null for none.</summary>
    public ChaosProber? Prober { get; init; }

    /// <summary>Tasks started before <c>INITIAL</c> is printed, in this order.</summary>
    public IReadOnlyList<ChaosTaskSpec> Initial { get; init; } = [];

    /// <summary>Tasks started after those, at <see cref="StreamPerSecond"/>, until stopped.</summary>
    public IReadOnlyList<ChaosTaskSpec> Stream { get; init; } = [];

    /// <summary>How many stream tasks a second.</summary>
    public double StreamPerSecond { get; init; }

    /// <summary>The most stream tasks; null for no limit.</summary>
    public int? StreamMax { get; init; }

    /// <summary>Creations in flight at once.</summary>
    public int CreateConcurrency { get; init; } = 16;

    /// <summary>tasks/get requests in flight at once.</summary>
    public int PollWorkers { get; init; } = 16;

    /// <summary>The least time between two polls of one task.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>An input request is answered a random time in this range after its task was created.</summary>
    public (TimeSpan Least, TimeSpan Most) AnswerDelay { get; init; } = (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));

    /// <summary>The client's timeout of one request (the SDK's default is 60 s).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The client's timeout of a tasks/result that waits for an input-requesting task to be answered and done.</summary>
    public TimeSpan ResultTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>How long the client waits, once stopped, for every task to be terminal.</summary>
    public TimeSpan Drain { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Whether a session whose gateway cannot be reached moves to the next gateway.</summary>
    public bool Failover { get; init; }

    /// <summary>The config file the script reads (without its report path).</summary>
    public JsonObject ToJson() => new()
    {
        ["gateways"] = new JsonArray([.. Gateways.Select(url => (JsonNode)url)]),
        ["sessions"] = new JsonArray([.. Sessions.Select(s => (JsonNode)new JsonObject { ["user"] = s.User, ["token"] = s.Token, ["gateway"] = s.Gateway })]),
        ["prober"] = Prober is { } prober
            ? new JsonObject
            {
                ["user"] = prober.User,
                ["token"] = prober.Token,
                ["gateways"] = new JsonArray([.. prober.Gateways.Select(g => (JsonNode)g)]),
                ["intervalMs"] = prober.Interval.TotalMilliseconds,
            }
            : null,
        ["initial"] = new JsonArray([.. Initial.Select(spec => (JsonNode)spec.ToJson())]),
        ["stream"] = Stream.Count > 0
            ? new JsonObject { ["perSecond"] = StreamPerSecond, ["mix"] = new JsonArray([.. Stream.Select(spec => (JsonNode)spec.ToJson())]), ["max"] = StreamMax }
            : null,
        ["createConcurrency"] = CreateConcurrency,
        ["pollWorkers"] = PollWorkers,
        ["pollIntervalMs"] = PollInterval.TotalMilliseconds,
        ["answerDelayMs"] = new JsonArray(AnswerDelay.Least.TotalMilliseconds, AnswerDelay.Most.TotalMilliseconds),
        ["requestTimeoutMs"] = RequestTimeout.TotalMilliseconds,
        ["resultTimeoutMs"] = ResultTimeout.TotalMilliseconds,
        ["drainSeconds"] = Drain.TotalSeconds,
        ["failover"] = Failover,
    };
}

/// <summary>A workload session: <paramref name="User"/> with <paramref name="Token"/>, starting on gateway <paramref name="Gateway"/>.</summary>
public sealed record ChaosSession(string User, string Token, int Gateway);

/// <summary>The prober: <paramref name="User"/> with <paramref name="Token"/>, on the first of <paramref name="Gateways"/>, one probe per <paramref name="Interval"/>.</summary>
public sealed record ChaosProber(string User, string Token, IReadOnlyList<int> Gateways, TimeSpan Interval);

/// <summary>
/// Tasks of one tool: <paramref name="Count"/> of them (initial), or this <paramref name="Weight"/> in the stream's mix;
/// <paramref name="Kind"/> labels them in the report. <paramref name="Seconds"/>, when given, draws each task's
/// <c>seconds</c> argument at random from that range.
/// </summary>
public sealed record ChaosTaskSpec(string Kind, string Tool, JsonObject Args, int Count = 0, double Weight = 0, (double Least, double Most)? Seconds = null)
{
    /// <summary>A <c>slow_whoami</c> (or <c>child_slow_whoami</c>) task of <paramref name="least"/> to <paramref name="most"/> seconds.</summary>
    public static ChaosTaskSpec SlowWhoAmI(string kind, double least, double most, int count = 0, double weight = 0, bool child = false) =>
        new(kind, child ? "child_slow_whoami" : "slow_whoami", [], count, weight, (least, most));

    /// <summary>An <c>ask_user</c> task: input_required until the client answers it.</summary>
    public static ChaosTaskSpec AskUser(int count = 0, double weight = 0) =>
        new(ChaosKinds.Input, "ask_user", new JsonObject { ["message"] = "Which answer?" }, count, weight);

    internal JsonObject ToJson()
    {
        var json = new JsonObject { ["tool"] = Tool, ["args"] = Args.DeepClone(), ["count"] = Count, ["weight"] = Weight, ["kind"] = Kind };
        if (Seconds is { } range)
        {
            json["secondsRange"] = new JsonArray(range.Least, range.Most);
        }

        return json;
    }
}

/// <summary>The kinds of task the chaos workloads mix.</summary>
public static class ChaosKinds
{
    /// <summary>A long run (seconds): it is running when the cluster breaks.</summary>
    public const string LongRun = "long";

    /// <summary>A short run (a fraction of a second to a second).</summary>
    public const string ShortRun = "short";

    /// <summary>An input-requesting run (<c>ask_user</c>).</summary>
    public const string Input = "input";
}
