namespace TaskActors.Runtime.Abstractions.Exceptions;

/// <summary>A grain call got no response before its deadline. The call may or may not have run.</summary>
public sealed class GrainCallTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    public GrainCallTimeoutException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public GrainCallTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public GrainCallTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception naming the call.</summary>
    public GrainCallTimeoutException(string grainId, string method, string? silo, TimeSpan deadline)
        : base($"Grain call {method} on {grainId} (silo {silo ?? "not yet resolved"}) got no response within its deadline of {deadline.TotalSeconds:0.###} s.")
    {
        GrainId = grainId;
        Method = method;
        Silo = silo;
        Deadline = deadline;
    }

    /// <summary>The grain that was called.</summary>
    public string? GrainId { get; }

    /// <summary>The method alias that was called.</summary>
    public string? Method { get; }

    /// <summary>The silo the call was sent to, when known.</summary>
    public string? Silo { get; }

    /// <summary>The deadline of the call.</summary>
    public TimeSpan Deadline { get; }
}
