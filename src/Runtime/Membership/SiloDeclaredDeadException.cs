namespace TaskActors.Runtime.Membership;

/// <summary>This silo found itself declared dead in the membership table; it must stop.</summary>
public sealed class SiloDeclaredDeadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SiloDeclaredDeadException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SiloDeclaredDeadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SiloDeclaredDeadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
