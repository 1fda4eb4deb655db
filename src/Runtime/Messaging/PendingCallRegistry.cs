using System.Collections.Concurrent;

namespace TaskActors.Runtime.Messaging;

/// <summary>
/// Every call this process is waiting on. One periodic sweep fails calls past their deadline, which is far cheaper
/// than a timer per call and bounds the deadline's precision by <c>Messaging:DeadlineCheckPeriod</c>.
/// </summary>
internal sealed class PendingCallRegistry : IDeadlineTracker
{
    private readonly ConcurrentDictionary<long, PendingCall> _calls = new();
    private long _nextCallId;

    public int Count => _calls.Count;

    public long NextCallId() => Interlocked.Increment(ref _nextCallId);

    public void Add(PendingCall call) => _calls[call.CallId] = call;

    public void Remove(PendingCall call) => _calls.TryRemove(new KeyValuePair<long, PendingCall>(call.CallId, call));

    /// <summary>Completes every call whose deadline is at or before <paramref name="now"/> with <see cref="GrainCallStatus.DeadlineExceeded"/>.</summary>
    public int ExpireOverdue(DateTimeOffset now)
    {
        var expired = 0;
        foreach (var (_, call) in _calls)
        {
            if (call.Deadline <= now && call.TrySetResult(GrainCallResponse.DeadlineExceeded))
            {
                expired++;
            }
        }

        return expired;
    }
}
