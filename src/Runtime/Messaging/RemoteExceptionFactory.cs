using System.Collections.Concurrent;
using System.Reflection;
using TaskActors.Runtime.Abstractions.Exceptions;

namespace TaskActors.Runtime.Messaging;

/// <summary>
/// Recreates a grain's exception in the caller: the same type when it is loaded here and has a (string message)
/// constructor, otherwise a <see cref="RemoteGrainException"/> carrying the type name and message.
/// </summary>
internal static class RemoteExceptionFactory
{
    private static readonly ConcurrentDictionary<string, ConstructorInfo?> Constructors = new(StringComparer.Ordinal);

    public static Exception Create(RemoteExceptionInfo info)
    {
        var constructor = Constructors.GetOrAdd(info.Type, FindConstructor);
        if (constructor is not null)
        {
            try
            {
                return (Exception)constructor.Invoke([info.Message]);
            }
            catch (TargetInvocationException)
            {
                // The type rejects this message; fall through to the generic form.
            }
        }

        return new RemoteGrainException(info.Type, info.Message, info.StackTrace);
    }

    private static ConstructorInfo? FindConstructor(string typeName)
    {
        var type = Type.GetType(typeName, throwOnError: false)
            ?? AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(typeName, throwOnError: false)).FirstOrDefault(t => t is not null);
        if (type is null || !typeof(Exception).IsAssignableFrom(type) || type.IsAbstract)
        {
            return null;
        }

        return type.GetConstructor([typeof(string)]);
    }
}
