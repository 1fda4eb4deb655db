using System.Diagnostics;
using System.Reflection;
using TaskActors.Runtime.Abstractions.Core;
using TaskActors.Runtime.Abstractions.Persistence;
using TaskActors.Runtime.Diagnostics;
using TaskActors.Runtime.Messaging;
using TaskActors.Runtime.Metadata;
using TaskActors.Runtime.Serialization;

namespace TaskActors.Runtime.Activation;

/// <summary>A grain call delivered to an activation, with the sink its response goes to.</summary>
internal sealed class IncomingCall(
    GrainCallDispatcher dispatcher,
    GrainCallRequest request,
    IResponseSink sink,
    GrainClassMetadata grainClass,
    GrainMethodDescriptor method,
    DateTimeOffset receivedAt,
    CancellationTokenSource? cancellation) : ActivationWorkItem
{
    private GrainCallResponse? _response;

    public GrainCallRequest Request => request;

    /// <summary>The class of the target grain, looked up once when the call was received.</summary>
    public GrainClassMetadata GrainClass => grainClass;

    /// <summary>The source of the token the method gets; null when the method takes none.</summary>
    public CancellationTokenSource? Cancellation => cancellation;

    public override bool Interleave => method.AlwaysInterleave;

    public override bool CountsAsActivity => true;

    public override async Task ExecuteAsync(GrainActivation activation)
    {
        if (activation.TimeProvider.GetUtcNow() - receivedAt > request.Timeout)
        {
            // The caller has given up; running it now would only do work nobody waits for.
            _response = GrainCallResponse.Expired;
            return;
        }

        using var activity = StartActivity();
        try
        {
            var arguments = GrainSerializer.DeserializeArguments(request.Arguments, method.ParameterTypeInfos);
            if (method.CancellationTokenIndex >= 0)
            {
                arguments[method.CancellationTokenIndex] = cancellation?.Token ?? CancellationToken.None;
            }

            var result = await method.ServerInvoke(activation.GrainInstance, arguments);
            _response = GrainCallResponse.Ok(result);
        }
        catch (Exception ex)
        {
            var thrown = ex is TargetInvocationException { InnerException: { } inner } ? inner : ex;
            activity?.SetStatus(ActivityStatusCode.Error, thrown.Message);
            _response = GrainCallResponse.FromException(thrown);
            if (thrown is InconsistentStateException)
            {
                activation.Deactivate(new DeactivationReason(DeactivationReasonCode.InconsistentState, $"{method.DisplayName} lost a state compare-and-set: {thrown.Message}"));
            }
        }
    }

    public override void OnCompleted()
    {
        dispatcher.Release(this);
        sink.Complete(_response ?? GrainCallResponse.Expired);
    }

    public override void Reject(GrainCallResponse response)
    {
        dispatcher.Release(this);
        sink.Complete(response);
    }

    public override void Redeliver() => dispatcher.Deliver(this);

    /// <summary>Whether the caller has stopped waiting: its deadline, measured from receipt, has passed.</summary>
    public bool IsOverdue(DateTimeOffset now) => now - receivedAt >= request.Timeout;

    /// <summary>
    /// Trips the method's token; false when it has none or it was already tripped or disposed (the call finished).
    /// Callbacks registered on the token run on the thread pool, so a slow or failing one never holds up the caller
    /// of this method (a cancellation message or the deadline sweep).
    /// </summary>
    public bool Cancel()
    {
        if (cancellation is null || cancellation.IsCancellationRequested)
        {
            return false;
        }

        try
        {
            _ = cancellation.CancelAsync();
            return true;
        }
        catch (ObjectDisposedException)
        {
            // The call finished meanwhile.
            return false;
        }
    }

    private Activity? StartActivity()
    {
        if (!RuntimeInstrumentation.ActivitySource.HasListeners())
        {
            return null;
        }

        ActivityContext.TryParse(request.TraceParent, null, out var parent);
        var activity = RuntimeInstrumentation.ActivitySource.StartActivity($"grain {method.DisplayName}", ActivityKind.Server, parent);
        activity?.SetTag(RuntimeInstrumentation.GrainIdTag, request.TargetGrain.ToString());
        return activity;
    }
}
