namespace TaskActors.Runtime.Hosting;

/// <summary>Configures a silo: its grains, storage and cluster providers.</summary>
public interface ISiloBuilder : IActorRuntimeBuilder;
