using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;

namespace TaskActors.Grains.Abstractions.Serialization;

/// <summary>
/// The one serializer story of TaskActors: System.Text.Json with source-generated metadata, for the MCP wire, for
/// grain state in storage, and for grain calls. Orleans carries TaskActors' types through its JSON codec: the contracts
/// of <see cref="GrainsAbstractionsJsonContext"/> that cross grain calls (immutable records, so a call inside one silo
/// passes them by reference) and, on silos, the grain state types Orleans moves with an activation it migrates.
/// </summary>
public static class ContractSerialization
{
    /// <summary>The namespace prefix of the grain-call contracts.</summary>
    public const string ContractNamespace = "TaskActors.Grains.Abstractions";

    /// <summary>The namespace of the exceptions that a grain's storage failures carry inside them (StackExchange.Redis).</summary>
    public const string StoreExceptionNamespace = "StackExchange.Redis";

    /// <summary>Whether <paramref name="type"/> is a TaskActors grain-call contract (an immutable record).</summary>
    public static bool IsContract(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Namespace is { } ns && ns.StartsWith(ContractNamespace, StringComparison.Ordinal) && !type.IsInterface;
    }

    /// <summary>
    /// Registers Orleans' JSON codec for TaskActors' contracts and, given their metadata in
    /// <paramref name="stateTypes"/>, grain state types (silos need it; clients pass none). Registering twice keeps the first.
    /// </summary>
    public static ISerializerBuilder AddTaskActorsContracts(this ISerializerBuilder builder, params IJsonTypeInfoResolver[] stateTypes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(stateTypes);
        if (builder.Services.Any(d => d.ServiceType == typeof(ImmutableContractCopier)))
        {
            return builder;
        }

        var options = new JsonSerializerOptions(GrainsAbstractionsJsonContext.Default.Options)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine([GrainsAbstractionsJsonContext.Default, .. stateTypes]),
        };
        options.MakeReadOnly();
        bool Known(Type type) => type.Namespace?.StartsWith("TaskActors.", StringComparison.Ordinal) == true && options.TryGetTypeInfo(type, out _);
        builder.AddJsonSerializer(
            isSerializable: Known,
            isCopyable: type => Known(type) && !IsContract(type),
            configureOptions: o => o.Configure(c => c.SerializerOptions = options));
        builder.Services.TryAddSingleton<ImmutableContractCopier>();
        builder.Services.AddSingleton<IGeneralizedCopier>(sp => sp.GetRequiredService<ImmutableContractCopier>());

        // A grain call that fails in Redis throws the storage's exception with the StackExchange.Redis one inside. Orleans
        // serializes exceptions only from the namespaces it is given; without this one the caller got a
        // CodecNotFoundException instead of the storage's failure (and a gateway could not tell it to retry).
        builder.Services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add(StoreExceptionNamespace));
        return builder;
    }

    /// <summary>Copies a contract by reference: contracts are immutable records.</summary>
    private sealed class ImmutableContractCopier : IGeneralizedCopier
    {
        public object? DeepCopy(object? input, CopyContext context) => input;

        public bool IsSupportedType(Type type) => IsContract(type);
    }
}
