using System.Reflection;
using TaskActors.Runtime.Abstractions.Identity;

namespace TaskActors.Runtime.Metadata;

/// <summary>A grain interface: its grain type (if it names one) and its methods.</summary>
internal sealed class GrainInterfaceMetadata(Type interfaceType, GrainType? grainType, IReadOnlyDictionary<MethodInfo, GrainMethodDescriptor> methods)
{
    public Type InterfaceType { get; } = interfaceType;

    /// <summary>The grain type of <c>GetGrain(key)</c> references; null for interfaces such as IRemindable that many grain types share.</summary>
    public GrainType? GrainType { get; } = grainType;

    public IReadOnlyDictionary<MethodInfo, GrainMethodDescriptor> Methods { get; } = methods;
}
