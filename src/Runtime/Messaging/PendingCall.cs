using TaskActors.Runtime.Identity;

namespace TaskActors.Runtime.Messaging;

/// <summary>A call waiting for its response. Continuations run asynchronously so a callee's thread never runs caller code.</summary>
internal sealed class PendingCall(long callId, DateTimeOffset deadline, SiloAddress target)
    : TaskCompletionSource<GrainCallResponse>(TaskCreationOptions.RunContinuationsAsynchronously), IResponseSink
{
    public long CallId { get; } = callId;

    public DateTimeOffset Deadline { get; } = deadline;

    public SiloAddress Target { get; } = target;

    private CancellationTokenRegistration _cancellation;

    public void Complete(GrainCallResponse response) => TrySetResult(response);

    /// <summary>Completes the call as <see cref="GrainCallStatus.Cancelled"/> when the caller's token trips.</summary>
    public void ListenTo(CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.UnsafeRegister(static state => ((PendingCall)state!).Complete(GrainCallResponse.Cancelled), this);
        }
    }

    /// <summary>Stops listening to the caller's token once the call has its response.</summary>
    public void StopListening() => _cancellation.Dispose();
}
