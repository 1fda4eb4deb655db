namespace TaskActors.Runtime.Benchmarks;

/// <summary>Where a benchmarked call starts and where its grain lives.</summary>
public enum CallPath
{
    /// <summary>Caller on silo A, grain on silo A: no transport, serialization still on.</summary>
    SameSilo,

    /// <summary>Caller on silo A, grain on silo B: through the in-process silo transport.</summary>
    CrossSilo,

    /// <summary>Caller in the client process, grain on silo A.</summary>
    Client,
}
