using TaskActors.Runtime.Abstractions.Exceptions;
using TaskActors.Runtime.Activation;
using TaskActors.Runtime.Identity;
using TaskActors.Runtime.Metadata;

namespace TaskActors.Runtime.Messaging;

/// <summary>
/// The receiving side of a silo: finds or creates the target activation and queues the call on it. Calls that reach
/// an activation which is going away wait for it to leave and go to its successor; a silo that is shutting down
/// rejects calls for grains it does not hold, so callers place them elsewhere.
/// </summary>
internal sealed class GrainCallDispatcher(
    ActivationCatalog catalog,
    GrainMetadataRegistry metadata,
    CancellableCallRegistry cancellable,
    LocalEndpoint endpoint,
    TimeProvider timeProvider) : IGrainCallReceiver
{
    private readonly Lock _drainLock = new();
    private int _inFlight;
    private TaskCompletionSource? _drained;

    /// <summary>Calls taken and not yet answered (queued, running, or waiting for an activation's successor).</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    public void Receive(GrainCallRequest request, IResponseSink sink)
    {
        if (!metadata.TryGetClass(request.TargetGrain.Type, out var grainClass))
        {
            sink.Complete(GrainCallResponse.FromException(new GrainCallException($"Silo {endpoint.SiloAddress} has no grain class for grain type '{request.TargetGrain.Type}'.")));
            return;
        }

        if (!grainClass.MethodsByAlias.TryGetValue(request.Method, out var method))
        {
            sink.Complete(GrainCallResponse.FromException(new GrainCallException($"Grain type '{request.TargetGrain.Type}' ({grainClass.ClassType.Name}) has no method '{request.Method}'.")));
            return;
        }

        // The callee's token trips when the caller cancels or when the caller's deadline passes (the registry's sweep).
        var cancellation = method.CancellationTokenIndex >= 0 ? new CancellationTokenSource() : null;
        Interlocked.Increment(ref _inFlight);
        var call = new IncomingCall(this, request, sink, grainClass, method, timeProvider.GetUtcNow(), cancellation);
        if (cancellation is not null)
        {
            cancellable.Add(call);
        }

        Deliver(call);
    }

    public void ReceiveCancellation(string sender, long callId) => cancellable.Cancel(sender, callId);

    public void Deliver(IncomingCall call)
    {
        var activation = catalog.GetOrCreate(call.Request.TargetGrain, call.GrainClass);
        if (activation is null)
        {
            call.Reject(GrainCallResponse.Rejected($"Silo {endpoint.SiloAddress} is shutting down and accepts no new activations."));
            return;
        }

        if (!activation.TryEnqueue(call))
        {
            _ = activation.Deactivated.ContinueWith(static (_, state) => { var (d, c) = ((GrainCallDispatcher, IncomingCall))state!; d.Deliver(c); }, (this, call), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    /// <summary>Called exactly once per taken call, when it is answered.</summary>
    public void Release(IncomingCall call)
    {
        if (call.Cancellation is { } cancellation)
        {
            cancellable.Remove(call);
            cancellation.Dispose();
        }

        if (Interlocked.Decrement(ref _inFlight) == 0)
        {
            lock (_drainLock)
            {
                _drained?.TrySetResult();
            }
        }
    }

    /// <summary>Completes when every taken call has been answered; a silo waits for it before it stops listening.</summary>
    public Task WhenDrainedAsync()
    {
        lock (_drainLock)
        {
            if (Volatile.Read(ref _inFlight) == 0)
            {
                return Task.CompletedTask;
            }

            _drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _drained.Task;
        }
    }
}
