using System.Collections.Concurrent;
using System.Reflection;
using TaskActors.Runtime.Abstractions.Core;
using TaskActors.Runtime.Abstractions.Identity;
using TaskActors.Runtime.Serialization;

namespace TaskActors.Runtime.Metadata;

/// <summary>
/// Grain interfaces (built on first use, on callers and silos alike) and the grain classes this silo can activate
/// (built and validated at start-up, so a missing JSON context or an ambiguous grain type fails the silo early).
/// </summary>
internal sealed class GrainMetadataRegistry
{
    private readonly GrainSerializer _serializer;
    private readonly ConcurrentDictionary<Type, GrainInterfaceMetadata> _interfaces = new();
    private readonly Dictionary<GrainType, GrainClassMetadata> _classes = [];

    public GrainMetadataRegistry(GrainSerializer serializer, IEnumerable<GrainClassRegistration> registrations)
    {
        _serializer = serializer;
        foreach (var classType in registrations.Select(r => r.ClassType).Distinct())
        {
            var metadata = BuildClass(classType);
            if (_classes.TryGetValue(metadata.GrainType, out var existing))
            {
                throw new InvalidOperationException($"Grain classes {existing.ClassType.FullName} and {classType.FullName} both have grain type '{metadata.GrainType}'; give one of them a distinct [GrainType].");
            }

            _classes.Add(metadata.GrainType, metadata);
        }
    }

    public IReadOnlyCollection<GrainClassMetadata> Classes => _classes.Values;

    public GrainInterfaceMetadata GetInterface(Type interfaceType) => _interfaces.GetOrAdd(interfaceType, BuildInterface);

    public bool TryGetClass(GrainType grainType, out GrainClassMetadata metadata) => _classes.TryGetValue(grainType, out metadata!);

    private GrainInterfaceMetadata BuildInterface(Type interfaceType)
    {
        if (!interfaceType.IsInterface || !typeof(IGrain).IsAssignableFrom(interfaceType))
        {
            throw new ArgumentException($"{interfaceType.FullName} is not a grain interface (an interface deriving from IGrain).", nameof(interfaceType));
        }

        var methods = new Dictionary<MethodInfo, GrainMethodDescriptor>();
        var aliases = new Dictionary<string, MethodInfo>(StringComparer.Ordinal);
        foreach (var type in interfaceType.GetInterfaces().Append(interfaceType))
        {
            foreach (var method in type.GetMethods())
            {
                var descriptor = GrainMethodDescriptorFactory.Create(method, _serializer);
                if (aliases.TryGetValue(descriptor.Alias, out var clash) && clash != method)
                {
                    throw new InvalidOperationException($"Grain methods {clash.DeclaringType!.Name}.{clash.Name} and {descriptor.DisplayName} share the wire name '{descriptor.Alias}'; give one an [Alias].");
                }

                aliases[descriptor.Alias] = method;
                methods[method] = descriptor;
            }
        }

        return new GrainInterfaceMetadata(interfaceType, GrainTypeNames.ForInterface(interfaceType), methods);
    }

    private GrainClassMetadata BuildClass(Type classType)
    {
        if (!classType.IsClass || classType.IsAbstract || !typeof(Grain).IsAssignableFrom(classType))
        {
            throw new ArgumentException($"{classType.FullName} is not a grain class (a concrete class deriving from Grain).", nameof(classType));
        }

        var interfaces = classType.GetInterfaces().Where(i => i != typeof(IGrain) && typeof(IGrain).IsAssignableFrom(i) && i.GetMethods().Length > 0).ToList();
        var interfaceMetadata = interfaces.Select(GetInterface).ToList();
        var grainType = GrainTypeNames.ForClass(classType, interfaceMetadata.Where(m => m.GrainType is not null).Select(m => m.GrainType!.Value));
        foreach (var metadata in interfaceMetadata.Where(m => m.GrainType is { } t && t != grainType))
        {
            throw new InvalidOperationException($"Grain class {classType.FullName} has grain type '{grainType}' but implements {metadata.InterfaceType.Name}, whose references have grain type '{metadata.GrainType}'; put the same [GrainType] on both.");
        }

        var byAlias = new Dictionary<string, GrainMethodDescriptor>(StringComparer.Ordinal);
        foreach (var descriptor in interfaceMetadata.SelectMany(m => m.Methods.Values))
        {
            if (!byAlias.TryAdd(descriptor.Alias, descriptor) && byAlias[descriptor.Alias].InterfaceMethod != descriptor.InterfaceMethod)
            {
                throw new InvalidOperationException($"Grain class {classType.FullName} has two methods with the wire name '{descriptor.Alias}'; give one an [Alias].");
            }
        }

        var constructors = classType.GetConstructors();
        if (constructors.Length != 1)
        {
            throw new InvalidOperationException($"Grain class {classType.FullName} must have exactly one public constructor (it has {constructors.Length}).");
        }

        return new GrainClassMetadata(classType, grainType, constructors[0], byAlias);
    }
}
