using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TaskActors.Runtime.Abstractions.Concurrency;
using TaskActors.Runtime.Abstractions.Identity;
using TaskActors.Runtime.Messaging;
using TaskActors.Runtime.Serialization;

namespace TaskActors.Runtime.Metadata;

/// <summary>Builds <see cref="GrainMethodDescriptor"/>s by reflection once per method; calls then run on typed delegates.</summary>
internal static class GrainMethodDescriptorFactory
{
    private const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Static;

    public static GrainMethodDescriptor Create(MethodInfo method, GrainSerializer serializer)
    {
        var displayName = $"{method.DeclaringType!.Name}.{method.Name}";
        if (method.IsGenericMethodDefinition)
        {
            throw new InvalidOperationException($"Grain method {displayName} is generic; grain methods must not be generic.");
        }

        var parameters = method.GetParameters();
        var typeInfos = new JsonTypeInfo?[parameters.Length];
        var cancellationTokenIndex = -1;
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            if (parameter.ParameterType.IsByRef)
            {
                throw new InvalidOperationException($"Grain method {displayName} has ref/out/in parameter '{parameter.Name}'; arguments are serialized, so they must be plain values.");
            }

            if (parameter.ParameterType == typeof(CancellationToken))
            {
                if (cancellationTokenIndex >= 0)
                {
                    throw new InvalidOperationException($"Grain method {displayName} takes more than one CancellationToken.");
                }

                cancellationTokenIndex = i;
                continue;
            }

            typeInfos[i] = serializer.GetTypeInfo(parameter.ParameterType, $"Parameter '{parameter.Name}' of grain method {displayName}");
        }

        var (kind, resultType) = ClassifyReturn(method, displayName);
        var resultTypeInfo = resultType is null ? null : serializer.GetTypeInfo(resultType, $"The result of grain method {displayName}");
        var invoker = MethodInvoker.Create(method);
        return new GrainMethodDescriptor
        {
            Alias = GrainTypeNames.ForMethod(method),
            DisplayName = displayName,
            InterfaceMethod = method,
            AlwaysInterleave = method.IsDefined(typeof(AlwaysInterleaveAttribute), inherit: false),
            CancellationTokenIndex = cancellationTokenIndex,
            ParameterTypeInfos = typeInfos,
            ReturnKind = kind,
            ResultTypeInfo = resultTypeInfo,
            ClientInvoke = CreateClientInvoke(kind, resultType),
            ServerInvoke = CreateServerInvoke(kind, resultType, resultTypeInfo, invoker),
        };
    }

    private static (GrainMethodReturnKind Kind, Type? ResultType) ClassifyReturn(MethodInfo method, string displayName)
    {
        var type = method.ReturnType;
        if (type == typeof(Task))
        {
            return (GrainMethodReturnKind.Task, null);
        }

        if (type == typeof(ValueTask))
        {
            return (GrainMethodReturnKind.ValueTask, null);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return (GrainMethodReturnKind.TaskOfT, type.GetGenericArguments()[0]);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            return (GrainMethodReturnKind.ValueTaskOfT, type.GetGenericArguments()[0]);
        }

        throw new InvalidOperationException($"Grain method {displayName} returns {type.Name}; grain methods return Task, Task<T>, ValueTask or ValueTask<T>.");
    }

    private static Func<GrainCallInvoker, GrainId, GrainMethodDescriptor, object?[], object> CreateClientInvoke(GrainMethodReturnKind kind, Type? resultType) => kind switch
    {
        GrainMethodReturnKind.Task => static (invoker, id, method, args) => invoker.InvokeAsync(id, method, args),
        GrainMethodReturnKind.ValueTask => static (invoker, id, method, args) => new ValueTask(invoker.InvokeAsync(id, method, args)),
        GrainMethodReturnKind.TaskOfT => Generic<Func<GrainCallInvoker, GrainId, GrainMethodDescriptor, object?[], object>>(nameof(ClientTaskOfT), resultType!),
        _ => Generic<Func<GrainCallInvoker, GrainId, GrainMethodDescriptor, object?[], object>>(nameof(ClientValueTaskOfT), resultType!),
    };

    private static Func<object, object?[], ValueTask<byte[]?>> CreateServerInvoke(GrainMethodReturnKind kind, Type? resultType, JsonTypeInfo? resultTypeInfo, MethodInvoker invoker)
    {
        switch (kind)
        {
            case GrainMethodReturnKind.Task:
                return (grain, args) => ServerTask((Task)invoker.Invoke(grain, args.AsSpan())!);
            case GrainMethodReturnKind.ValueTask:
                return (grain, args) => ServerValueTask((ValueTask)invoker.Invoke(grain, args.AsSpan())!);
            default:
                var name = kind == GrainMethodReturnKind.TaskOfT ? nameof(ServerTaskOfT) : nameof(ServerValueTaskOfT);
                var typed = typeof(GrainMethodDescriptorFactory).GetMethod(name, Private)!.MakeGenericMethod(resultType!);
                return (Func<object, object?[], ValueTask<byte[]?>>)typed.Invoke(null, [invoker, resultTypeInfo])!;
        }
    }

    private static TDelegate Generic<TDelegate>(string methodName, Type typeArgument)
        where TDelegate : Delegate =>
        typeof(GrainMethodDescriptorFactory).GetMethod(methodName, Private)!.MakeGenericMethod(typeArgument).CreateDelegate<TDelegate>();

    private static Task<T> ClientTaskOfT<T>(GrainCallInvoker invoker, GrainId id, GrainMethodDescriptor method, object?[] args) =>
        invoker.InvokeAsync<T>(id, method, args);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "Bound to a delegate returning object: the proxy returns the awaitable boxed.")]
    private static object ClientValueTaskOfT<T>(GrainCallInvoker invoker, GrainId id, GrainMethodDescriptor method, object?[] args) =>
        new ValueTask<T>(invoker.InvokeAsync<T>(id, method, args));

    private static async ValueTask<byte[]?> ServerTask(Task task)
    {
        await task;
        return null;
    }

    private static async ValueTask<byte[]?> ServerValueTask(ValueTask task)
    {
        await task;
        return null;
    }

    private static Func<object, object?[], ValueTask<byte[]?>> ServerTaskOfT<T>(MethodInvoker invoker, JsonTypeInfo typeInfo)
    {
        var typed = (JsonTypeInfo<T>)typeInfo;
        return async (grain, args) =>
        {
            var result = await (Task<T>)invoker.Invoke(grain, args.AsSpan())!;
            return JsonSerializer.SerializeToUtf8Bytes(result, typed);
        };
    }

    private static Func<object, object?[], ValueTask<byte[]?>> ServerValueTaskOfT<T>(MethodInvoker invoker, JsonTypeInfo typeInfo)
    {
        var typed = (JsonTypeInfo<T>)typeInfo;
        return async (grain, args) =>
        {
            var result = await (ValueTask<T>)invoker.Invoke(grain, args.AsSpan())!;
            return JsonSerializer.SerializeToUtf8Bytes(result, typed);
        };
    }
}
