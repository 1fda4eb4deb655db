using System.Text.Json.Serialization;
using TaskActors.Runtime.Directory;

namespace TaskActors.Runtime.Messaging;

/// <summary>The answer to a <see cref="GrainCallRequest"/>.</summary>
internal sealed record GrainCallResponse
{
    public static readonly GrainCallResponse OkWithoutResult = new() { Status = GrainCallStatus.Ok };
    public static readonly GrainCallResponse Expired = new() { Status = GrainCallStatus.Expired };
    public static readonly GrainCallResponse DeadlineExceeded = new() { Status = GrainCallStatus.DeadlineExceeded };
    public static readonly GrainCallResponse Cancelled = new() { Status = GrainCallStatus.Cancelled };

    [JsonPropertyName("status")]
    public required GrainCallStatus Status { get; init; }

    /// <summary>The serialized result of an <see cref="GrainCallStatus.Ok"/> call that returns a value.</summary>
    [JsonPropertyName("result")]
    public byte[]? Result { get; init; }

    [JsonPropertyName("exception")]
    public RemoteExceptionInfo? Exception { get; init; }

    /// <summary>Where the grain lives, for <see cref="GrainCallStatus.Redirect"/>.</summary>
    [JsonPropertyName("redirect")]
    public GrainAddress? RedirectTo { get; init; }

    /// <summary>Why the call was rejected or could not be delivered, for logs and errors.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    public static GrainCallResponse Ok(byte[]? result) => result is null ? OkWithoutResult : new() { Status = GrainCallStatus.Ok, Result = result };

    public static GrainCallResponse FromException(Exception exception) => new()
    {
        Status = GrainCallStatus.Exception,
        Exception = new RemoteExceptionInfo(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, exception.StackTrace),
    };

    public static GrainCallResponse Redirect(GrainAddress address) => new() { Status = GrainCallStatus.Redirect, RedirectTo = address };

    public static GrainCallResponse Rejected(string reason) => new() { Status = GrainCallStatus.Rejected, Reason = reason };

    public static GrainCallResponse Unreachable(string reason) => new() { Status = GrainCallStatus.Unreachable, Reason = reason };
}
