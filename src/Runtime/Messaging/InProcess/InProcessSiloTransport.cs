using TaskActors.Runtime.Identity;

namespace TaskActors.Runtime.Messaging.InProcess;

/// <summary>The transport between silos of one process, over <see cref="InProcessSiloNetwork"/>.</summary>
internal sealed class InProcessSiloTransport(InProcessSiloNetwork network) : ISiloTransport, ISiloListener
{
    private SiloAddress? _address;

    public void Send(SiloAddress target, GrainCallRequest request, IResponseSink sink) => network.Send(target, request, sink);

    public void SendCancellation(SiloAddress target, string sender, long callId) => network.SendCancellation(target, sender, callId);

    public Task StartAsync(SiloAddress address, IGrainCallReceiver receiver, CancellationToken cancellationToken)
    {
        _address = address;
        network.Attach(address, receiver);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (_address is { } address)
        {
            network.Detach(address);
        }

        return Task.CompletedTask;
    }
}
