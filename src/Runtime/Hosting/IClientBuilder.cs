namespace TaskActors.Runtime.Hosting;

/// <summary>Configures a runtime client: a process that calls grains but hosts none (a standalone gateway).</summary>
public interface IClientBuilder : IActorRuntimeBuilder;
