using System.Text.Json.Serialization;
using TaskActors.Runtime.Abstractions.Identity;
using TaskActors.Runtime.Identity;

namespace TaskActors.Runtime.Directory;

/// <summary>Where one activation of a grain lives.</summary>
/// <param name="GrainId">The grain.</param>
/// <param name="Silo">The silo hosting the activation.</param>
/// <param name="ActivationId">The activation.</param>
public sealed record GrainAddress(
    [property: JsonPropertyName("grain")] GrainId GrainId,
    [property: JsonPropertyName("silo")] SiloAddress Silo,
    [property: JsonPropertyName("activation")] ActivationId ActivationId);
