using System.Text.Json;

namespace TaskActors.EndToEnd.Tests.Chaos;

/// <summary>What tests/e2e/chaos-client.mjs saw, as it writes it: times are Unix milliseconds on the client's clock.</summary>
public sealed record ChaosReport(
    long StartedAt,
    long EndedAt,
    IReadOnlyList<ChaosTask> Tasks,
    IReadOnlyList<FailedCreation> FailedCreations,
    IReadOnlyList<RequestError> Errors,
    IReadOnlyList<HttpError> HttpErrors,
    IReadOnlyList<TransportEvent> TransportEvents,
    IReadOnlyList<SlowRequest> SlowRequests,
    int LostErrors,
    IReadOnlyDictionary<string, MethodLatency> Latency,
    ProbeReport Probes,
    IReadOnlyList<Listing> Listings,
    IReadOnlyList<Failover> Failovers,
    IReadOnlyList<SessionInfo> Sessions);

/// <summary>
/// One task the client created: its kind (<c>long</c>, <c>short</c>, <c>input</c>), the session that created it, the
/// statuses tasks/get answered in order, what tasks/result answered (twice, after it was terminal) and how its
/// elicitations went.
/// </summary>
public sealed record ChaosTask(
    string TaskId,
    string Tool,
    string Kind,
    JsonElement Args,
    int Session,
    string User,
    string? SessionId,
    long CreatedAt,
    long CreateMs,
    int CreateAttempts,
    string FirstStatus,
    IReadOnlyList<SeenStatus> Statuses,
    DateTimeOffset? LastUpdatedAt,
    int Polls,
    int PollErrors,
    int Asked,
    int Answered,
    int ResultCalls,
    int ResultErrors,
    JsonElement Result,
    JsonElement ResultAgain,
    string? FinalStatus)
{
    /// <summary>The text of the result's first content block, or null when the result has none.</summary>
    public string? ResultText =>
        Result.ValueKind == JsonValueKind.Object
        && Result.TryGetProperty("content", out var content)
        && content.ValueKind == JsonValueKind.Array
        && content.GetArrayLength() > 0
        && content[0].TryGetProperty("text", out var text)
            ? text.GetString()
            : null;
}

/// <summary>A run of equal statuses seen polling a task; <see cref="FirstAt"/> is when the first of them was seen.</summary>
public sealed record SeenStatus(string Status, int Count, long FirstAt);

/// <summary>A tools/call that failed (and was retried as a new call).</summary>
public sealed record FailedCreation(long At, string Tool, string Session, int Attempt, string Message, long Ms);

/// <summary>A request that failed: its JSON-RPC code (or HTTP status, or null), message and how long it took.</summary>
public sealed record RequestError(long At, string Method, string Session, int Gateway, int? Code, string Message, long Ms, bool Unreachable);

/// <summary>An HTTP answer that was not 2xx, with its Retry-After header and the start of its body.</summary>
public sealed record HttpError(long At, string Session, int Gateway, string Method, int Status, string? RetryAfter, string Body);

/// <summary>An error the SDK reported outside any request (a stream that broke and was resumed, an answer it could not send).</summary>
public sealed record TransportEvent(long At, string Session, int? Gateway, string Message);

/// <summary>A request that took 5 s or more.</summary>
public sealed record SlowRequest(long At, string Method, string Session, int Gateway, long Ms, bool Failed);

/// <summary>How many requests of one method ran, failed, and the longest.</summary>
public sealed record MethodLatency(int Count, int Errors, long MaxMs, long TotalMs);

/// <summary>The other user's probes of the workload's task ids: each should have been "not found" (-32602).</summary>
public sealed record ProbeReport(int Count, int NotFound, IReadOnlyList<ProbeLeak> Leaks, IReadOnlyList<ProbeError> Errors, IReadOnlyDictionary<string, ProbeStats> ByMethod, JsonElement? Listing);

/// <summary>A probe that was answered as if the task were the prober's.</summary>
public sealed record ProbeLeak(long At, string Method, string TaskId, string Answer);

/// <summary>A probe that failed with something other than "not found".</summary>
public sealed record ProbeError(long At, string Method, string TaskId, int? Code, string Message);

/// <summary>Probes of one method.</summary>
public sealed record ProbeStats(int Count, int NotFound, int Errors);

/// <summary>A session's tasks/list after the run.</summary>
public sealed record Listing(string Session, string User, string? SessionId, IReadOnlyList<ListedTask> Tasks, string? Error);

/// <summary>A task as tasks/list showed it.</summary>
public sealed record ListedTask(string TaskId, string Status);

/// <summary>A session that moved to another gateway because its own could not be reached.</summary>
public sealed record Failover(long At, string Session, int From, int To, string Reason);

/// <summary>A workload session: its name, user, MCP session id and the gateway it ended on.</summary>
public sealed record SessionInfo(string Name, string User, string? SessionId, int Gateway);
