namespace TaskActors.ServiceDefaults;

/// <summary>The ActivitySources and Meters every TaskActors process exports.</summary>
public static class TelemetrySources
{
    /// <summary>Orleans' grain-call sources (with <c>AddActivityPropagation</c>) and TaskActors' own.</summary>
    public static readonly string[] ActivitySources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "TaskActors.*"];

    /// <summary>Orleans' meter and TaskActors' own.</summary>
    public static readonly string[] Meters = ["Microsoft.Orleans", "TaskActors.*"];
}
