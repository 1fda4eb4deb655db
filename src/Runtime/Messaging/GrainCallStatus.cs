namespace TaskActors.Runtime.Messaging;

/// <summary>The outcome of a grain call. Only <see cref="Redirect"/>, <see cref="Rejected"/> and <see cref="Unreachable"/> prove the call did not run.</summary>
internal enum GrainCallStatus
{
    /// <summary>The method ran and returned; the result payload follows.</summary>
    Ok,

    /// <summary>The method (or the activation) threw; the exception type and message follow.</summary>
    Exception,

    /// <summary>Another activation owns the grain; the call did not run. Resend to the address given.</summary>
    Redirect,

    /// <summary>The silo does not accept new activations (shutting down); the call did not run.</summary>
    Rejected,

    /// <summary>The silo could not be reached before it accepted the call; the call did not run.</summary>
    Unreachable,

    /// <summary>The call waited past its deadline in the callee's queue and was dropped unrun.</summary>
    Expired,

    /// <summary>No response came before the caller's deadline; the call may or may not have run.</summary>
    DeadlineExceeded,

    /// <summary>The caller cancelled the call.</summary>
    Cancelled,
}
