using TaskActors.Runtime.Identity;

namespace TaskActors.Runtime.Messaging;

/// <summary>A call waiting for its response. Continuations run asynchronously so a callee's thread never runs caller code.</summary>
internal sealed class PendingCall(long callId, DateTimeOffset deadline, SiloAddress target)
    : TaskCompletionSource<GrainCallResponse>(TaskCreationOptions.RunContinuationsAsynchronously), IResponseSink
{
    public long CallId { get; } = callId;

    public DateTimeOffset Deadline { get; } = deadline;

    public SiloAddress Target { get; } = target;

    public void Complete(GrainCallResponse response) => TrySetResult(response);
}
