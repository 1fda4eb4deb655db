using System.Reflection;
using TaskActors.Runtime.Abstractions.Identity;
using TaskActors.Runtime.Metadata;

namespace TaskActors.Runtime.Messaging;

/// <summary>
/// The proxy behind every grain reference: it implements the grain interface and turns each call into a grain call
/// (serialized arguments, routing, deadline). Created by <see cref="GrainFactory"/>; must stay non-sealed for DispatchProxy.
/// </summary>
#pragma warning disable CA1852 // DispatchProxy derives a class from this one at run time.
internal class GrainReference : DispatchProxy
#pragma warning restore CA1852
{
    private GrainCallInvoker? _invoker;
    private GrainInterfaceMetadata? _interface;

    public GrainId GrainId { get; private set; }

    internal void Initialize(GrainCallInvoker invoker, GrainInterfaceMetadata metadata, GrainId grainId)
    {
        _invoker = invoker;
        _interface = metadata;
        GrainId = grainId;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (!_interface!.Methods.TryGetValue(targetMethod, out var method))
        {
            throw new NotSupportedException($"{targetMethod.DeclaringType?.Name}.{targetMethod.Name} is not a grain method of {_interface.InterfaceType.Name}.");
        }

        return method.ClientInvoke(_invoker!, GrainId, method, args ?? []);
    }
}
