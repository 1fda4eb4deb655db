using TaskActors.Runtime.Abstractions.Core;
using TaskActors.Runtime.Abstractions.Identity;
using TaskActors.Runtime.Benchmarks.Grains;
using TaskActors.Runtime.Hosting;
using TaskActors.Runtime.Testing;

namespace TaskActors.Runtime.Benchmarks;

/// <summary>A two-silo <see cref="InProcessCluster"/> with a client, hosting <see cref="BenchGrain"/>.</summary>
public sealed class BenchmarkCluster : IAsyncDisposable
{
    private readonly InProcessCluster _cluster;
    private int _nextKey;

    private BenchmarkCluster(InProcessCluster cluster) => _cluster = cluster;

    /// <summary>The silo every benchmark calls from (and the home of same-silo and client targets).</summary>
    public InProcessSilo SiloA => _cluster.Silos[0];

    /// <summary>The other silo: the home of cross-silo targets.</summary>
    public InProcessSilo SiloB => _cluster.Silos[1];

    /// <summary>The cluster's client, a process that hosts no grains.</summary>
    public IGrainFactory Client => _cluster.Client;

    /// <summary>Starts two silos and a client; logging is off (the builder clears its providers).</summary>
    public static async Task<BenchmarkCluster> StartAsync()
    {
        var cluster = await new InProcessClusterBuilder()
            .WithSilos(2)
            .ConfigureRuntime(runtime => runtime.AddJsonTypeInfoResolver(BenchJsonContext.Default))
            .ConfigureSilo(silo => silo.AddGrain<BenchGrain>())
            .StartAsync();
        return new BenchmarkCluster(cluster);
    }

    /// <summary>
    /// Returns the keys of <paramref name="count"/> bench grains that are active on <paramref name="silo"/>. Placement
    /// is random, so it activates grains until enough landed there; the others stay where they are, unused.
    /// </summary>
    public async Task<string[]> ActivateOnAsync(InProcessSilo silo, int count)
    {
        var keys = new List<string>(count);
        while (keys.Count < count)
        {
            var key = $"bench-{_nextKey++}";
            await Client.GetGrain<IBenchGrain>(key).AddAsync(0);
            if (silo.HasActivation(GrainId.Create("bench", key)))
            {
                keys.Add(key);
            }
        }

        return [.. keys];
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _cluster.DisposeAsync();
}
