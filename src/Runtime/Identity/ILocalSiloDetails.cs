namespace TaskActors.Runtime.Identity;

/// <summary>This silo's name and address, for services hosted in a silo (Orleans' <c>ILocalSiloDetails</c>).</summary>
public interface ILocalSiloDetails
{
    /// <summary>The silo's readable name (pod name).</summary>
    string Name { get; }

    /// <summary>The silo's address.</summary>
    SiloAddress Address { get; }
}
