using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;

namespace TaskActors.Grains.Abstractions.Serialization;

/// <summary>
/// The one serializer story of TaskActors: every contract that crosses a grain call is written with System.Text.Json
/// and the source-generated <see cref="GrainsAbstractionsJsonContext"/> (the same JSON that grain state and the MCP wire
/// use), through Orleans' JSON codec. Contracts are immutable records, so a call inside one silo passes them by reference.
/// </summary>
public static class ContractSerialization
{
    /// <summary>The namespace prefix of the contracts written by this codec.</summary>
    public const string ContractNamespace = "TaskActors.Grains.Abstractions";

    /// <summary>The serializer options of grain-call contracts.</summary>
    public static JsonSerializerOptions Options { get; } = new(GrainsAbstractionsJsonContext.Default.Options);

    /// <summary>Whether <paramref name="type"/> is a TaskActors grain-call contract.</summary>
    public static bool IsContract(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Namespace is { } ns && ns.StartsWith(ContractNamespace, StringComparison.Ordinal) && !type.IsInterface;
    }

    /// <summary>Registers the JSON codec and the by-reference copier of TaskActors' contracts (silos and clients both need it).</summary>
    public static ISerializerBuilder AddTaskActorsContracts(this ISerializerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(d => d.ServiceType == typeof(ImmutableContractCopier)))
        {
            return builder;
        }

        builder.AddJsonSerializer(isSerializable: IsContract, isCopyable: static _ => false, configureOptions: options => options.Configure(o => o.SerializerOptions = Options));
        builder.Services.TryAddSingleton<ImmutableContractCopier>();
        builder.Services.AddSingleton<IGeneralizedCopier>(sp => sp.GetRequiredService<ImmutableContractCopier>());
        return builder;
    }

    /// <summary>Copies a contract by reference: contracts are immutable records.</summary>
    private sealed class ImmutableContractCopier : IGeneralizedCopier
    {
        public object? DeepCopy(object? input, CopyContext context) => input;

        public bool IsSupportedType(Type type) => IsContract(type);
    }
}
