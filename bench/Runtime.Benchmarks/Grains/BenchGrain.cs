using TaskActors.Runtime.Abstractions.Core;

namespace TaskActors.Runtime.Benchmarks.Grains;

/// <summary>Implements <see cref="IBenchGrain"/> without state or I/O; every method completes synchronously.</summary>
public sealed class BenchGrain : Grain, IBenchGrain
{
    private int _total;

    /// <inheritdoc />
    public Task<int> AddAsync(int amount, CancellationToken cancellationToken = default)
    {
        _total += amount;
        return Task.FromResult(_total);
    }

    /// <inheritdoc />
    public Task<string> EchoAsync(string text, CancellationToken cancellationToken = default) => Task.FromResult(text);
}
