namespace TaskActors.Gateway.Tests.Robustness;

/// <summary>One request a client should never send, and the 4xx answer it must get.</summary>
/// <param name="Name">What is wrong, where (the theory's row name).</param>
/// <param name="Status">The HTTP status expected.</param>
/// <param name="Code">The JSON-RPC error code expected in the body.</param>
public sealed record BadInput(string Name, int Status, int Code)
{
    /// <summary>The protocol version of the session the request is sent on.</summary>
    public string Version { get; init; } = "2025-11-25";

    public HttpMethod Method { get; init; } = HttpMethod.Post;

    /// <summary>The raw POST body (bytes, so that it can hold what no string can).</summary>
    public byte[]? Body { get; init; }

    /// <summary>Sent without the session's headers (initialize).</summary>
    public bool Sessionless { get; init; }

    /// <summary>Headers that replace the session's (a malformed Mcp-Session-Id); several values of one name are sent as several headers.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The Last-Event-ID of a GET, made from the session's id (to forge one of another session).</summary>
    public Func<string, string>? LastEventId { get; init; }

    public override string ToString() => Name;
}
