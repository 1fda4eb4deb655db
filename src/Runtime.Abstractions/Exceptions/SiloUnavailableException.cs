namespace TaskActors.Runtime.Abstractions.Exceptions;

/// <summary>The target silo could not be reached, or no silo is available to place a grain.</summary>
public sealed class SiloUnavailableException : GrainCallException
{
    /// <summary>Creates the exception.</summary>
    public SiloUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SiloUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SiloUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
