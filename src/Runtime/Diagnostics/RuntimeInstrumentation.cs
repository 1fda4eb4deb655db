using System.Diagnostics;

namespace TaskActors.Runtime.Diagnostics;

/// <summary>The runtime's ActivitySource and Meter names and its tag names, for OpenTelemetry wiring.</summary>
public static class RuntimeInstrumentation
{
    /// <summary>Name of the ActivitySource and the Meter.</summary>
    public const string Name = "TaskActors.Runtime";

    /// <summary>Tag: the grain id of a call.</summary>
    public const string GrainIdTag = "taskactors.grain.id";

    /// <summary>Tag: the grain type.</summary>
    public const string GrainTypeTag = "taskactors.grain.type";

    /// <summary>Tag: the method alias of a call.</summary>
    public const string MethodTag = "taskactors.grain.method";

    /// <summary>Tag: the outcome of a call.</summary>
    public const string StatusTag = "taskactors.grain.status";

    /// <summary>Tag: the name of a grain state.</summary>
    public const string StateTag = "taskactors.state";

    /// <summary>Tag: the silo name.</summary>
    public const string SiloTag = "taskactors.silo";

    /// <summary>Spans for grain calls: a client span at the caller, a server span in the activation.</summary>
    public static readonly ActivitySource ActivitySource = new(Name);
}
