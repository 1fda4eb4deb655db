namespace TaskActors.Runtime.Messaging;

/// <summary>The receiving side of a silo: takes calls addressed to it and cancellations of calls it runs.</summary>
internal interface IGrainCallReceiver
{
    void Receive(GrainCallRequest request, IResponseSink sink);

    void ReceiveCancellation(string sender, long callId);
}
