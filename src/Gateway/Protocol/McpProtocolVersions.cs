namespace TaskActors.Gateway.Protocol;

/// <summary>The protocol revisions the gateway speaks, and how one is chosen.</summary>
internal static class McpProtocolVersions
{
    /// <summary>The newest revision: tasks exist only here.</summary>
    public const string V2025_11_25 = "2025-11-25";

    /// <summary>Adds elicitation and structured tool output; removes batching.</summary>
    public const string V2025_06_18 = "2025-06-18";

    /// <summary>The first Streamable HTTP revision; clients may send batches; the version a request without a version header and session is assumed to use.</summary>
    public const string V2025_03_26 = "2025-03-26";

    public static readonly IReadOnlyList<string> Supported = [V2025_11_25, V2025_06_18, V2025_03_26];

    public static bool IsSupported(string? version) => version is not null && Supported.Contains(version);

    /// <summary>The requested version when supported, else the newest (the client then decides whether to continue).</summary>
    public static string Negotiate(string? requested) => IsSupported(requested) ? requested! : V2025_11_25;

    /// <summary>Whether the revision has background tasks.</summary>
    public static bool HasTasks(string version) => version == V2025_11_25;

    /// <summary>Whether the revision accepts JSON-RPC batches (2025-03-26 only).</summary>
    public static bool AllowsBatches(string version) => version == V2025_03_26;

    /// <summary>Whether SSE streams open with a priming event (2025-11-25; older clients may not parse an empty event).</summary>
    public static bool PrimesStreams(string version) => version == V2025_11_25;
}
