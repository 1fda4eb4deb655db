using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TaskActors.Runtime.Abstractions.Exceptions;
using TaskActors.Runtime.Abstractions.Identity;
using TaskActors.Runtime.Configuration;
using TaskActors.Runtime.Diagnostics;
using TaskActors.Runtime.Directory;
using TaskActors.Runtime.Identity;
using TaskActors.Runtime.Metadata;
using TaskActors.Runtime.Serialization;

namespace TaskActors.Runtime.Messaging;

/// <summary>
/// The calling side of every grain call: serializes the arguments, resolves the silo, sends, waits for the response
/// or the deadline, and resends only calls that provably did not run.
/// </summary>
/// <remarks>
/// A call is one async method (<see cref="InvokeAsync{T}"/>), so one state machine per call on the hot path; the
/// helpers it uses do not await.
/// </remarks>
internal sealed partial class GrainCallInvoker(
    PendingCallRegistry pendingCalls,
    GrainLocator locator,
    ISiloTransport transport,
    LocalEndpoint endpoint,
    LocalSiloReceiver localReceiver,
    IOptions<MessagingOptions> options,
    TimeProvider timeProvider,
    RuntimeMetrics metrics,
    ILogger<GrainCallInvoker> logger)
{
    private readonly MessagingOptions _options = options.Value;

    /// <summary>Calls a method without a result; the returned task is the call's.</summary>
    public Task InvokeAsync(GrainId grainId, GrainMethodDescriptor method, object?[] arguments) =>
        InvokeAsync<object?>(grainId, method, arguments);

    /// <summary>Calls a method and deserializes its result (<c>default</c> for methods without one).</summary>
    public async Task<T> InvokeAsync<T>(GrainId grainId, GrainMethodDescriptor method, object?[] arguments)
    {
        var cancellationToken = method.GetCancellationToken(arguments);
        cancellationToken.ThrowIfCancellationRequested();
        var payload = GrainSerializer.SerializeArguments(arguments, method.ParameterTypeInfos);
        long? started = metrics.RecordsCalls ? timeProvider.GetTimestamp() : null;
        var deadline = timeProvider.GetUtcNow() + _options.ResponseTimeout;
        using var activity = StartActivity(grainId, method);

        var status = GrainCallStatus.Unreachable;
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var target = await locator.ResolveAsync(grainId, cancellationToken);
                var call = SendAttempt(grainId, method, payload, target, deadline, attempt, activity, cancellationToken);
                GrainCallResponse response;
                try
                {
                    response = await call.Task;
                }
                finally
                {
                    call.StopListening();
                    pendingCalls.Remove(call);
                }

                status = response.Status;
                if (status == GrainCallStatus.Ok)
                {
                    return method.ResultTypeInfo is JsonTypeInfo<T> resultTypeInfo ? JsonSerializer.Deserialize(response.Result, resultTypeInfo)! : default!;
                }

                var backoff = OnFailedAttempt(grainId, method, call, response, deadline, attempt, cancellationToken);
                if (backoff > TimeSpan.Zero)
                {
                    await Task.Delay(backoff, timeProvider, cancellationToken);
                }

                LogResending(logger, method.DisplayName, grainId, call.Target, response.Status);
            }
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
        finally
        {
            if (started is { } timestamp)
            {
                metrics.RecordCall(grainId.Type, method.Alias, status, timeProvider.GetElapsedTime(timestamp));
            }
        }
    }

    private static Activity? StartActivity(GrainId grainId, GrainMethodDescriptor method)
    {
        if (!RuntimeInstrumentation.ActivitySource.HasListeners())
        {
            return null;
        }

        var activity = RuntimeInstrumentation.ActivitySource.StartActivity($"grain {method.DisplayName}", ActivityKind.Client);
        activity?.SetTag(RuntimeInstrumentation.GrainIdTag, grainId.ToString());
        return activity;
    }

    /// <summary>
    /// Sends one attempt of a call to <paramref name="target"/>: to the local silo directly (no transport, still
    /// serialized) or through the transport. Returns the pending call its response completes, registered for the
    /// deadline sweep and listening to the caller's token.
    /// </summary>
    private PendingCall SendAttempt(
        GrainId grainId,
        GrainMethodDescriptor method,
        byte[] payload,
        SiloAddress target,
        DateTimeOffset deadline,
        int attempt,
        Activity? activity,
        CancellationToken cancellationToken)
    {
        var remaining = attempt == 0 ? _options.ResponseTimeout : deadline - timeProvider.GetUtcNow();
        var request = new GrainCallRequest
        {
            CallId = pendingCalls.NextCallId(),
            Sender = endpoint.SenderId,
            TargetGrain = grainId,
            Method = method.Alias,
            Arguments = payload,
            Timeout = remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero,
            TraceParent = activity?.Id,
        };

        var call = new PendingCall(request.CallId, deadline, target);
        pendingCalls.Add(call);
        try
        {
            if (target == endpoint.SiloAddress && localReceiver.Receiver is { } receiver)
            {
                receiver.Receive(request, call);
            }
            else
            {
                transport.Send(target, request, call);
            }
        }
        catch
        {
            pendingCalls.Remove(call);
            throw;
        }

        call.ListenTo(cancellationToken);
        return call;
    }

    /// <summary>
    /// Decides what a response other than <see cref="GrainCallStatus.Ok"/> means: throws the call's error, or returns
    /// how long to back off before resending a call that provably did not run (zero to resend at once).
    /// </summary>
    private TimeSpan OnFailedAttempt(
        GrainId grainId,
        GrainMethodDescriptor method,
        PendingCall call,
        GrainCallResponse response,
        DateTimeOffset deadline,
        int attempt,
        CancellationToken cancellationToken)
    {
        var target = call.Target;
        switch (response.Status)
        {
            case GrainCallStatus.Exception when IsDeadlineCancellation(response.Exception!, deadline, cancellationToken):
                // The callee's token trips at this call's deadline; its cancellation is our timeout.
                throw new GrainCallTimeoutException(grainId.ToString(), method.DisplayName, target.ToString(), _options.ResponseTimeout);
            case GrainCallStatus.Exception:
                throw RemoteExceptionFactory.Create(response.Exception!);
            case GrainCallStatus.Redirect when attempt < _options.MaxResendCount:
                locator.Update(response.RedirectTo!);
                return TimeSpan.Zero;
            case GrainCallStatus.Rejected or GrainCallStatus.Unreachable:
                // The silo is going away or gone; membership will say so within its detection bound,
                // so back off and resend until the deadline rather than fail fast.
                locator.Invalidate(grainId, target);
                var backoff = TimeSpan.FromMilliseconds(Math.Min(1000, 10 << Math.Min(attempt, 7)));
                if (timeProvider.GetUtcNow() + backoff >= deadline)
                {
                    throw new SiloUnavailableException($"Grain call {method.DisplayName} on {grainId} could not be delivered before its deadline; the last silo tried was {target} ({response.Status}: {response.Reason}).");
                }

                return backoff;
            case GrainCallStatus.Redirect:
                throw new GrainCallException($"Grain call {method.DisplayName} on {grainId} was redirected {attempt + 1} times; the last redirect pointed at {response.RedirectTo?.Silo}.");
            case GrainCallStatus.Cancelled:
                SendCancellation(target, call.CallId);
                throw new OperationCanceledException(cancellationToken);
            default:
                throw new GrainCallTimeoutException(grainId.ToString(), method.DisplayName, target.ToString(), _options.ResponseTimeout);
        }
    }

    private bool IsDeadlineCancellation(RemoteExceptionInfo exception, DateTimeOffset deadline, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && exception.Type is "System.OperationCanceledException" or "System.Threading.Tasks.TaskCanceledException"
        && timeProvider.GetUtcNow() >= deadline - _options.DeadlineCheckPeriod;

    private void SendCancellation(SiloAddress target, long callId)
    {
        if (target == endpoint.SiloAddress && localReceiver.Receiver is { } receiver)
        {
            receiver.ReceiveCancellation(endpoint.SenderId, callId);
        }
        else
        {
            transport.SendCancellation(target, endpoint.SenderId, callId);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Resending {Method} on {GrainId}: silo {SiloAddress} answered {Status}")]
    private static partial void LogResending(ILogger logger, string method, GrainId grainId, SiloAddress siloAddress, GrainCallStatus status);
}
