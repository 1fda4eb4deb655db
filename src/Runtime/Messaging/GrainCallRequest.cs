using System.Text.Json.Serialization;
using TaskActors.Runtime.Abstractions.Identity;

namespace TaskActors.Runtime.Messaging;

/// <summary>One grain call on the wire. Arguments are already serialized, also for calls within one process.</summary>
internal sealed record GrainCallRequest
{
    /// <summary>Unique per sender; pairs the response and cancellation with the call.</summary>
    [JsonPropertyName("callId")]
    public required long CallId { get; init; }

    /// <summary>The silo address or client id of the caller.</summary>
    [JsonPropertyName("sender")]
    public required string Sender { get; init; }

    [JsonPropertyName("grain")]
    public required GrainId TargetGrain { get; init; }

    /// <summary>The wire alias of the method.</summary>
    [JsonPropertyName("method")]
    public required string Method { get; init; }

    /// <summary>The arguments as a JSON array (UTF-8).</summary>
    [JsonPropertyName("args")]
    public required byte[] Arguments { get; init; }

    /// <summary>How long the caller still waits, measured when the call was sent; the callee drops the call unrun after it.</summary>
    [JsonPropertyName("timeout")]
    public required TimeSpan Timeout { get; init; }

    /// <summary>W3C traceparent of the caller's span.</summary>
    [JsonPropertyName("traceparent")]
    public string? TraceParent { get; init; }
}
