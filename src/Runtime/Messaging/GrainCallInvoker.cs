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

    public async Task InvokeAsync(GrainId grainId, GrainMethodDescriptor method, object?[] arguments)
    {
        _ = await SendAsync(grainId, method, arguments);
    }

    public async Task<T> InvokeAsync<T>(GrainId grainId, GrainMethodDescriptor method, object?[] arguments)
    {
        var result = await SendAsync(grainId, method, arguments);
        return JsonSerializer.Deserialize(result, (JsonTypeInfo<T>)method.ResultTypeInfo!)!;
    }

    private async Task<byte[]> SendAsync(GrainId grainId, GrainMethodDescriptor method, object?[] arguments)
    {
        var cancellationToken = method.GetCancellationToken(arguments);
        cancellationToken.ThrowIfCancellationRequested();
        var payload = GrainSerializer.SerializeArguments(arguments, method.ParameterTypeInfos);
        var started = timeProvider.GetTimestamp();
        var deadline = timeProvider.GetUtcNow() + _options.ResponseTimeout;
        using var activity = RuntimeInstrumentation.ActivitySource.HasListeners()
            ? RuntimeInstrumentation.ActivitySource.StartActivity($"grain {method.DisplayName}", ActivityKind.Client)
            : null;
        activity?.SetTag(RuntimeInstrumentation.GrainIdTag, grainId.ToString());

        var status = GrainCallStatus.Unreachable;
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var target = await locator.ResolveAsync(grainId, cancellationToken);
                var remaining = deadline - timeProvider.GetUtcNow();
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

                var response = await SendOnceAsync(target, request, deadline, cancellationToken);
                status = response.Status;
                switch (response.Status)
                {
                    case GrainCallStatus.Ok:
                        return response.Result ?? [];
                    case GrainCallStatus.Exception when IsDeadlineCancellation(response.Exception!, deadline, cancellationToken):
                        // The callee's token trips at this call's deadline; its cancellation is our timeout.
                        throw new GrainCallTimeoutException(grainId.ToString(), method.DisplayName, target.ToString(), _options.ResponseTimeout);
                    case GrainCallStatus.Exception:
                        throw RemoteExceptionFactory.Create(response.Exception!);
                    case GrainCallStatus.Redirect when attempt < _options.MaxResendCount:
                        locator.Update(response.RedirectTo!);
                        break;
                    case GrainCallStatus.Rejected or GrainCallStatus.Unreachable:
                        // The silo is going away or gone; membership will say so within its detection bound,
                        // so back off and resend until the deadline rather than fail fast.
                        locator.Invalidate(grainId, target);
                        var backoff = TimeSpan.FromMilliseconds(Math.Min(1000, 10 << Math.Min(attempt, 7)));
                        if (timeProvider.GetUtcNow() + backoff >= deadline)
                        {
                            throw new SiloUnavailableException($"Grain call {method.DisplayName} on {grainId} could not be delivered before its deadline; the last silo tried was {target} ({response.Status}: {response.Reason}).");
                        }

                        await Task.Delay(backoff, timeProvider, cancellationToken);
                        break;
                    case GrainCallStatus.Redirect:
                        throw new GrainCallException($"Grain call {method.DisplayName} on {grainId} was redirected {attempt + 1} times; the last redirect pointed at {response.RedirectTo?.Silo}.");
                    case GrainCallStatus.Cancelled:
                        throw new OperationCanceledException(cancellationToken);
                    default:
                        throw new GrainCallTimeoutException(grainId.ToString(), method.DisplayName, target.ToString(), _options.ResponseTimeout);
                }

                LogResending(logger, method.DisplayName, grainId, target, response.Status);
            }
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
        finally
        {
            metrics.RecordCall(grainId.Type, method.Alias, status, timeProvider.GetElapsedTime(started));
        }
    }

    private bool IsDeadlineCancellation(RemoteExceptionInfo exception, DateTimeOffset deadline, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && exception.Type is "System.OperationCanceledException" or "System.Threading.Tasks.TaskCanceledException"
        && timeProvider.GetUtcNow() >= deadline - _options.DeadlineCheckPeriod;

    private async Task<GrainCallResponse> SendOnceAsync(SiloAddress target, GrainCallRequest request, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
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

            if (!cancellationToken.CanBeCanceled)
            {
                return await call.Task;
            }

            using (cancellationToken.UnsafeRegister(static state => ((PendingCall)state!).Complete(GrainCallResponse.Cancelled), call))
            {
                var response = await call.Task;
                if (response.Status == GrainCallStatus.Cancelled)
                {
                    SendCancellation(target, request.CallId);
                }

                return response;
            }
        }
        finally
        {
            pendingCalls.Remove(call);
        }
    }

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
