using System.Reflection;
using TaskActors.Runtime.Abstractions.Identity;

namespace TaskActors.Runtime.Metadata;

/// <summary>A grain class: its grain type, how to construct it, and its methods by wire alias.</summary>
internal sealed class GrainClassMetadata(Type classType, GrainType grainType, ConstructorInfo constructor, IReadOnlyDictionary<string, GrainMethodDescriptor> methodsByAlias)
{
    public Type ClassType { get; } = classType;

    public GrainType GrainType { get; } = grainType;

    public ConstructorInfo Constructor { get; } = constructor;

    public IReadOnlyDictionary<string, GrainMethodDescriptor> MethodsByAlias { get; } = methodsByAlias;
}
