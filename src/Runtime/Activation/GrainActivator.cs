using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using TaskActors.Runtime.Abstractions.Core;
using TaskActors.Runtime.Abstractions.Persistence;
using TaskActors.Runtime.Diagnostics;
using TaskActors.Runtime.Metadata;
using TaskActors.Runtime.Persistence;
using TaskActors.Runtime.Serialization;

namespace TaskActors.Runtime.Activation;

/// <summary>
/// Constructs grain instances: <see cref="PersistentStateAttribute"/> parameters get a state bound to the grain and its
/// storage provider, everything else comes from the silo's services.
/// </summary>
internal sealed class GrainActivator(IServiceProvider services, GrainSerializer serializer, RuntimeMetrics metrics)
{
    private readonly ConcurrentDictionary<Type, Factory> _factories = new();

    /// <summary>Checks at start-up that every grain class can be constructed: storage registered, state types serializable.</summary>
    public void Validate(IEnumerable<GrainClassMetadata> classes)
    {
        foreach (var metadata in classes)
        {
            _ = GetFactory(metadata);
        }
    }

    public (Grain Grain, IReadOnlyList<IGrainStateLoader> Loaders) Create(GrainActivation activation)
    {
        var factory = GetFactory(activation.Metadata);
        var arguments = new object?[factory.Parameters.Length];
        var loaders = new List<IGrainStateLoader>();
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = factory.Parameters[i](activation);
            if (arguments[i] is IGrainStateLoader loader)
            {
                loaders.Add(loader);
            }
        }

        var previous = GrainConstructionContext.Current;
        GrainConstructionContext.Current = activation;
        try
        {
            var grain = (Grain)factory.Invoker.Invoke(arguments.AsSpan());
            grain.Attach(activation);
            return (grain, loaders);
        }
        finally
        {
            GrainConstructionContext.Current = previous;
        }
    }

    private Factory GetFactory(GrainClassMetadata metadata) => _factories.GetOrAdd(metadata.ClassType, _ => BuildFactory(metadata));

    private Factory BuildFactory(GrainClassMetadata metadata)
    {
        var parameters = metadata.Constructor.GetParameters().Select(p => BuildParameter(metadata, p)).ToArray();
        return new Factory(ConstructorInvoker.Create(metadata.Constructor), parameters);
    }

    private Func<GrainActivation, object?> BuildParameter(GrainClassMetadata metadata, ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (parameter.GetCustomAttribute<PersistentStateAttribute>() is { } attribute)
        {
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IPersistentState<>))
            {
                throw new InvalidOperationException($"Parameter '{parameter.Name}' of grain {metadata.ClassType.Name} has [PersistentState] but is {type.Name}, not IPersistentState<T>.");
            }

            var storage = services.GetKeyedService<IGrainStorage>(attribute.StorageName)
                ?? throw new InvalidOperationException($"Grain {metadata.ClassType.Name} needs grain storage '{attribute.StorageName}', which is not registered; call AddMemoryGrainStorage(\"{attribute.StorageName}\") or AddRedisGrainStorage(\"{attribute.StorageName}\") on the silo builder.");
            var stateType = type.GetGenericArguments()[0];
            var typeInfo = serializer.GetTypeInfo(stateType, $"State '{attribute.StateName}' of grain {metadata.ClassType.Name}");
            var stateName = attribute.StateName;
            var closed = typeof(PersistentState<>).MakeGenericType(stateType);
            return activation => Activator.CreateInstance(closed, stateName, activation.GrainId, storage, typeInfo, metrics);
        }

        if (type == typeof(IGrainContext))
        {
            return activation => activation;
        }

        if (parameter.GetCustomAttribute<FromKeyedServicesAttribute>() is { } keyed)
        {
            var service = services.GetKeyedService(type, keyed.Key)
                ?? throw new InvalidOperationException($"Parameter '{parameter.Name}' of grain {metadata.ClassType.Name} needs keyed service {type.Name} '{keyed.Key}', which is not registered.");
            return _ => service;
        }

        if (services.GetService<IServiceProviderIsService>() is { } isService && !isService.IsService(type) && !parameter.HasDefaultValue)
        {
            throw new InvalidOperationException($"Parameter '{parameter.Name}' ({type.Name}) of grain {metadata.ClassType.Name} is neither a [PersistentState] nor a registered service.");
        }

        return _ => services.GetService(type) ?? (parameter.HasDefaultValue ? parameter.DefaultValue : null);
    }

    private sealed record Factory(ConstructorInvoker Invoker, Func<GrainActivation, object?>[] Parameters);
}
