namespace TaskActors.Runtime.Abstractions.Exceptions;

/// <summary>A grain call failed in the runtime rather than in the grain (routing, transport, activation).</summary>
public class GrainCallException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GrainCallException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public GrainCallException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public GrainCallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
