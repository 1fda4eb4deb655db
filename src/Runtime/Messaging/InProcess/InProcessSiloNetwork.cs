using System.Collections.Concurrent;
using TaskActors.Runtime.Identity;

namespace TaskActors.Runtime.Messaging.InProcess;

/// <summary>
/// The "network" between silos of one process: each started silo attaches its receiver under its address. Calls are
/// handed over directly (their arguments are already serialized). A detached silo is unreachable, and the calls it
/// had taken but not answered fail at their callers, as they would when a remote silo's connection drops.
/// </summary>
public sealed class InProcessSiloNetwork
{
    private readonly ConcurrentDictionary<SiloAddress, Endpoint> _endpoints = new();

    internal void Attach(SiloAddress address, IGrainCallReceiver receiver) => _endpoints[address] = new Endpoint(receiver);

    internal void Detach(SiloAddress address)
    {
        if (_endpoints.TryRemove(address, out var endpoint))
        {
            endpoint.FailOutstanding(address);
        }
    }

    internal void Send(SiloAddress target, GrainCallRequest request, IResponseSink sink)
    {
        if (!_endpoints.TryGetValue(target, out var endpoint))
        {
            sink.Complete(GrainCallResponse.Unreachable($"Silo {target} is not reachable."));
            return;
        }

        var tracked = new TrackedSink(endpoint, sink);
        endpoint.Outstanding[tracked] = 0;
        endpoint.Receiver.Receive(request, tracked);
    }

    internal void SendCancellation(SiloAddress target, string sender, long callId)
    {
        if (_endpoints.TryGetValue(target, out var endpoint))
        {
            endpoint.Receiver.ReceiveCancellation(sender, callId);
        }
    }

    private sealed class Endpoint(IGrainCallReceiver receiver)
    {
        public IGrainCallReceiver Receiver { get; } = receiver;

        public ConcurrentDictionary<TrackedSink, byte> Outstanding { get; } = new();

        public void FailOutstanding(SiloAddress address)
        {
            var lost = GrainCallResponse.FromException(new Abstractions.Exceptions.GrainCallException($"Silo {address} stopped before answering; the call may or may not have run."));
            foreach (var sink in Outstanding.Keys)
            {
                sink.Complete(lost);
            }
        }
    }

    private sealed class TrackedSink(Endpoint endpoint, IResponseSink inner) : IResponseSink
    {
        private int _completed;

        public void Complete(GrainCallResponse response)
        {
            if (Interlocked.Exchange(ref _completed, 1) == 0)
            {
                endpoint.Outstanding.TryRemove(this, out _);
                inner.Complete(response);
            }
        }
    }
}
