namespace TaskActors.Runtime.Abstractions.Core;

/// <summary>The activation whose grain the runtime is constructing on this thread, so the grain knows its context from its constructor on.</summary>
internal static class GrainConstructionContext
{
    [ThreadStatic]
    private static IGrainContext? t_current;

    internal static IGrainContext? Current
    {
        get => t_current;
        set => t_current = value;
    }
}
