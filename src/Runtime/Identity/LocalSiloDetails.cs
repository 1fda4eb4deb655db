namespace TaskActors.Runtime.Identity;

/// <summary>The silo's <see cref="ILocalSiloDetails"/>, from its endpoint.</summary>
internal sealed class LocalSiloDetails(LocalEndpoint endpoint) : ILocalSiloDetails
{
    public string Name => endpoint.Name;

    public SiloAddress Address => endpoint.SiloAddress!;
}
