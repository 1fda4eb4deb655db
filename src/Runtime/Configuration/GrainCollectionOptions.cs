namespace TaskActors.Runtime.Configuration;

/// <summary>When idle activations are collected and how long deactivation may take.</summary>
public sealed class GrainCollectionOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "GrainCollection";

    /// <summary>An activation idle for this long is deactivated. Default 15 minutes.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the collector looks for idle activations. Default 1 minute.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long deactivation waits for running requests before cancelling them. Default 30 s.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
