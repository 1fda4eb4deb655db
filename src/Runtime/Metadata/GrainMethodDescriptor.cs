using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using TaskActors.Runtime.Abstractions.Identity;
using TaskActors.Runtime.Messaging;

namespace TaskActors.Runtime.Metadata;

/// <summary>Everything the runtime needs to call one grain interface method from either side of the wire.</summary>
internal sealed class GrainMethodDescriptor
{
    public required string Alias { get; init; }

    /// <summary>For messages: <c>ITaskGrain.GetAsync</c>.</summary>
    public required string DisplayName { get; init; }

    public required MethodInfo InterfaceMethod { get; init; }

    public required bool AlwaysInterleave { get; init; }

    /// <summary>Index of the <see cref="CancellationToken"/> parameter, or -1.</summary>
    public required int CancellationTokenIndex { get; init; }

    /// <summary>JSON metadata per parameter; null at the cancellation token.</summary>
    public required JsonTypeInfo?[] ParameterTypeInfos { get; init; }

    public required GrainMethodReturnKind ReturnKind { get; init; }

    /// <summary>JSON metadata of the result, for methods returning <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c>.</summary>
    public required JsonTypeInfo? ResultTypeInfo { get; init; }

    /// <summary>Turns a proxy call into the awaitable the interface method returns.</summary>
    public required Func<GrainCallInvoker, GrainId, GrainMethodDescriptor, object?[], object> ClientInvoke { get; init; }

    /// <summary>
    /// Invokes the method on a grain and serializes its result (null for methods without one). A ValueTask, so a
    /// method that completes synchronously costs no task here.
    /// </summary>
    public required Func<object, object?[], ValueTask<byte[]?>> ServerInvoke { get; init; }

    public CancellationToken GetCancellationToken(object?[] arguments) =>
        CancellationTokenIndex >= 0 && arguments[CancellationTokenIndex] is CancellationToken token ? token : default;
}
