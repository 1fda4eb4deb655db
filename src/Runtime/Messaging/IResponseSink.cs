namespace TaskActors.Runtime.Messaging;

/// <summary>Receives the one response of a call; whoever holds it must complete it exactly once.</summary>
internal interface IResponseSink
{
    void Complete(GrainCallResponse response);
}
