using TaskActors.Runtime.Identity;

namespace TaskActors.Runtime.Messaging;

/// <summary>
/// Carries calls to another silo. Delivery is at most once: when the call cannot be handed over, the sink gets
/// <see cref="GrainCallStatus.Unreachable"/>; a failure after hand-over is an exception response, never a resend.
/// </summary>
internal interface ISiloTransport
{
    void Send(SiloAddress target, GrainCallRequest request, IResponseSink sink);

    void SendCancellation(SiloAddress target, string sender, long callId);
}
