using System.Collections.Concurrent;
using TaskActors.Runtime.Activation;

namespace TaskActors.Runtime.Messaging;

/// <summary>
/// The calls this silo has taken whose method takes a <see cref="CancellationToken"/>. A caller's cancellation finds
/// its call here by (sender, call id); the periodic deadline sweep trips the token of every call whose caller's
/// deadline has passed. One sweep rather than a timer per call: a timer per call costs allocations and two trips
/// through the process-wide timer queue's lock, and bounds the deadline no better than the sweep does for callers.
/// </summary>
internal sealed class CancellableCallRegistry : IDeadlineTracker
{
    private readonly ConcurrentDictionary<CallKey, IncomingCall> _calls = new();

    public void Add(IncomingCall call) => _calls[CallKey.Of(call.Request)] = call;

    public void Remove(IncomingCall call) => _calls.TryRemove(new KeyValuePair<CallKey, IncomingCall>(CallKey.Of(call.Request), call));

    /// <summary>Trips the token of the call, if it is still here.</summary>
    public void Cancel(string sender, long callId)
    {
        if (_calls.TryGetValue(new CallKey(sender, callId), out var call))
        {
            call.Cancel();
        }
    }

    /// <summary>Trips the token of every call whose caller stopped waiting at or before <paramref name="now"/>.</summary>
    public int ExpireOverdue(DateTimeOffset now)
    {
        var expired = 0;
        foreach (var (_, call) in _calls)
        {
            if (call.IsOverdue(now) && call.Cancel())
            {
                expired++;
            }
        }

        return expired;
    }

    /// <summary>
    /// Identifies a call. Hashes the call id alone: ids are unique per sender, so hashing the sender (a silo address
    /// or client id, tens of characters) on every add and remove buys nothing; equal ids of different senders are
    /// told apart by equality.
    /// </summary>
    private readonly record struct CallKey(string Sender, long CallId)
    {
        public static CallKey Of(GrainCallRequest request) => new(request.Sender, request.CallId);

        public bool Equals(CallKey other) => CallId == other.CallId && string.Equals(Sender, other.Sender, StringComparison.Ordinal);

        public override int GetHashCode() => CallId.GetHashCode();
    }
}
