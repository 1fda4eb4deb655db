using System.Text.Json.Serialization.Metadata;

namespace TaskActors.Runtime.Serialization;

/// <summary>A source-generated JSON context that grain arguments, results and state are serialized with.</summary>
/// <param name="Resolver">The resolver, usually a <c>JsonSerializerContext.Default</c>.</param>
public sealed record JsonTypeInfoResolverRegistration(IJsonTypeInfoResolver Resolver);
