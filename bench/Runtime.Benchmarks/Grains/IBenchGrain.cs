using TaskActors.Runtime.Abstractions.Core;
using TaskActors.Runtime.Abstractions.Identity;

namespace TaskActors.Runtime.Benchmarks.Grains;

/// <summary>The grain the call benchmarks call: trivial methods, so the benchmark measures the runtime, not the grain.</summary>
[GrainType("bench")]
public interface IBenchGrain : IGrainWithStringKey
{
    /// <summary>Adds to a running total and returns it (an int in, an int out).</summary>
    Task<int> AddAsync(int amount, CancellationToken cancellationToken = default);

    /// <summary>Returns the text it was given (a short string in, the same string out).</summary>
    Task<string> EchoAsync(string text, CancellationToken cancellationToken = default);
}
