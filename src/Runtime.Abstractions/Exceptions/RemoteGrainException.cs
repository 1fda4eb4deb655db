namespace TaskActors.Runtime.Abstractions.Exceptions;

/// <summary>
/// A grain threw an exception whose type this process cannot recreate; carries the remote type name and message.
/// Exceptions whose type is loaded here and has a (string message) constructor are rethrown as that type instead.
/// </summary>
public sealed class RemoteGrainException : GrainCallException
{
    /// <summary>Creates the exception.</summary>
    public RemoteGrainException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RemoteGrainException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public RemoteGrainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a remote exception type and message.</summary>
    public RemoteGrainException(string remoteExceptionType, string message, string? remoteStackTrace)
        : base($"{remoteExceptionType}: {message}")
    {
        RemoteExceptionType = remoteExceptionType;
        RemoteStackTrace = remoteStackTrace;
    }

    /// <summary>The full name of the exception type thrown in the grain.</summary>
    public string? RemoteExceptionType { get; }

    /// <summary>The stack trace in the grain's process, when the silo sends it.</summary>
    public string? RemoteStackTrace { get; }
}
