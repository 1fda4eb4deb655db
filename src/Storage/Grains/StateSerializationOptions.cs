using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TaskActors.Storage.Grains;

/// <summary>
/// The source-generated JSON metadata grain states are stored with (System.Text.Json, the one serializer of
/// TaskActors). Each grain assembly adds its context with <c>AddStateJson</c>.
/// </summary>
public sealed class StateSerializationOptions
{
    private JsonSerializerOptions? _options;

    /// <summary>The resolvers of the stored state types, in order.</summary>
    public IList<IJsonTypeInfoResolver> Resolvers { get; } = [];

    /// <summary>The serializer options built from <see cref="Resolvers"/>.</summary>
    public JsonSerializerOptions SerializerOptions => _options ??= new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine([.. Resolvers]),
    };
}
