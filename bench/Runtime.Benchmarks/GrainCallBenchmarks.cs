using BenchmarkDotNet.Attributes;
using TaskActors.Runtime.Benchmarks.Grains;

namespace TaskActors.Runtime.Benchmarks;

/// <summary>
/// Grain calls per second and bytes allocated per call, for each <see cref="CallPath"/>. Sequential benchmarks await
/// one call at a time (latency-bound); concurrent ones keep <see cref="ConcurrentCalls"/> calls outstanding over
/// <see cref="ConcurrentGrains"/> grains (throughput-bound). Every figure is per call (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(GrainCallBenchmarkConfig))]
public class GrainCallBenchmarks
{
    /// <summary>Calls awaited one after another per sequential invocation.</summary>
    public const int SequentialCalls = 32;

    /// <summary>Calls outstanding at once per concurrent invocation.</summary>
    public const int ConcurrentCalls = 256;

    /// <summary>Grains the concurrent calls are spread over, all on the target silo.</summary>
    public const int ConcurrentGrains = 16;

    private const string Text = "hello, grain";

    // Reused and awaited as a span, so the harness itself allocates (almost) nothing per call.
    private readonly Task[] _calls = new Task[ConcurrentCalls];
    private BenchmarkCluster? _cluster;
    private IBenchGrain[] _grains = [];

    /// <summary>Which caller calls a grain on which silo.</summary>
    [ParamsAllValues]
    public CallPath Path { get; set; }

    /// <summary>Starts the cluster and activates the target grains on the silo <see cref="Path"/> names.</summary>
    [GlobalSetup]
    public async Task SetupAsync()
    {
        _cluster = await BenchmarkCluster.StartAsync();
        var (caller, home) = Path switch
        {
            CallPath.SameSilo => (_cluster.SiloA.GrainFactory, _cluster.SiloA),
            CallPath.CrossSilo => (_cluster.SiloA.GrainFactory, _cluster.SiloB),
            _ => (_cluster.Client, _cluster.SiloA),
        };

        var keys = await _cluster.ActivateOnAsync(home, ConcurrentGrains);
        _grains = [.. keys.Select(caller.GetGrain<IBenchGrain>)];

        // The caller learns each grain's silo on its first call; do that here, not in the first measured iteration.
        await Task.WhenAll(_grains.Select(grain => grain.AddAsync(0)));
    }

    /// <summary>Stops the cluster.</summary>
    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>One caller awaiting <c>AddAsync(int)</c> calls one after another.</summary>
    [Benchmark(OperationsPerInvoke = SequentialCalls)]
    public async Task<int> AddSequential()
    {
        var grain = _grains[0];
        var total = 0;
        for (var i = 0; i < SequentialCalls; i++)
        {
            total = await grain.AddAsync(1);
        }

        return total;
    }

    /// <summary><c>AddAsync(int)</c> calls, all outstanding at once.</summary>
    [Benchmark(OperationsPerInvoke = ConcurrentCalls)]
    public async Task<int> AddConcurrent()
    {
        for (var i = 0; i < ConcurrentCalls; i++)
        {
            _calls[i] = _grains[i % ConcurrentGrains].AddAsync(1);
        }

        await Task.WhenAll(_calls.AsSpan());
        return await (Task<int>)_calls[^1];
    }

    /// <summary>One caller awaiting <c>EchoAsync(string)</c> calls one after another.</summary>
    [Benchmark(OperationsPerInvoke = SequentialCalls)]
    public async Task<string> EchoSequential()
    {
        var grain = _grains[0];
        var text = Text;
        for (var i = 0; i < SequentialCalls; i++)
        {
            text = await grain.EchoAsync(Text);
        }

        return text;
    }

    /// <summary><c>EchoAsync(string)</c> calls, all outstanding at once.</summary>
    [Benchmark(OperationsPerInvoke = ConcurrentCalls)]
    public async Task<string> EchoConcurrent()
    {
        for (var i = 0; i < ConcurrentCalls; i++)
        {
            _calls[i] = _grains[i % ConcurrentGrains].EchoAsync(Text);
        }

        await Task.WhenAll(_calls.AsSpan());
        return await (Task<string>)_calls[^1];
    }
}
