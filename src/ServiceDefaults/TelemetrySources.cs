using OrleansActivitySources = Orleans.Diagnostics.ActivitySources;

namespace TaskActors.ServiceDefaults;

/// <summary>The ActivitySources and Meters every TaskActors process exports.</summary>
public static class TelemetrySources
{
    /// <summary>
    /// Every Orleans source (<c>Microsoft.Orleans.*</c>: grain calls once <c>AddActivityPropagation</c> is on, activation
    /// lifecycle, storage) and TaskActors' own (<c>TaskActors.*</c>, such as <c>TaskActors.Tasks</c> with a span per tool run).
    /// </summary>
    public static readonly string[] ActivitySources = [OrleansActivitySources.AllActivitySourceName, "TaskActors.*"];

    /// <summary>Orleans' meter and TaskActors' own.</summary>
    public static readonly string[] Meters = ["Microsoft.Orleans", "TaskActors.*"];
}
