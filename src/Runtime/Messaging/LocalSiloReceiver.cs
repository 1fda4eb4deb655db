namespace TaskActors.Runtime.Messaging;

/// <summary>
/// The receiving side of this process once it is a started silo; calls to the local silo skip the transport (but not
/// serialization). Held in its own object so the invoker and the dispatcher do not depend on each other.
/// </summary>
internal sealed class LocalSiloReceiver
{
    public IGrainCallReceiver? Receiver { get; set; }
}
