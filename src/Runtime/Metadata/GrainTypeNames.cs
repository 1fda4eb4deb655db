using System.Reflection;
using TaskActors.Runtime.Abstractions.Core;
using TaskActors.Runtime.Abstractions.Identity;

namespace TaskActors.Runtime.Metadata;

/// <summary>The naming rules that make caller and silo agree on grain types and method aliases without sharing classes.</summary>
internal static class GrainTypeNames
{
    /// <summary><c>[GrainType]</c> on the interface, else the name without a leading I and a trailing Grain, lower-cased.</summary>
    public static GrainType? ForInterface(Type interfaceType)
    {
        if (interfaceType.GetCustomAttribute<GrainTypeAttribute>() is { } attribute)
        {
            return new GrainType(attribute.Name);
        }

        if (!typeof(IGrainWithStringKey).IsAssignableFrom(interfaceType))
        {
            return null;
        }

        var name = interfaceType.Name;
        if (name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]))
        {
            name = name[1..];
        }

        return FromName(name);
    }

    /// <summary><c>[GrainType]</c> on the class, else the grain type of its interfaces, else its name without Grain, lower-cased.</summary>
    public static GrainType ForClass(Type classType, IEnumerable<GrainType> interfaceTypes)
    {
        if (classType.GetCustomAttribute<GrainTypeAttribute>() is { } attribute)
        {
            return new GrainType(attribute.Name);
        }

        var distinct = interfaceTypes.Distinct().ToList();
        return distinct.Count == 1 ? distinct[0] : FromName(classType.Name);
    }

    /// <summary><c>[Alias]</c> on the method, else <c>InterfaceName.MethodName</c>.</summary>
    public static string ForMethod(MethodInfo method) =>
        method.GetCustomAttribute<AliasAttribute>()?.Alias ?? $"{method.DeclaringType!.Name}.{method.Name}";

    private static GrainType FromName(string name)
    {
        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > "Grain".Length)
        {
            name = name[..^"Grain".Length];
        }

        var chars = name.Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_').Select(char.ToLowerInvariant).ToArray();
        return new GrainType(new string(chars));
    }
}
