using TaskActors.Runtime.Abstractions.Core;

namespace TaskActors.Runtime.Tests.Grains;

public sealed class GateGrain : Grain, IGateGrain
{
    private int _executing;
    private int _maxExecuting;

    /// <summary>Set while HoldAsync holds its turn, so the methods called meanwhile can tell whether they interleaved.</summary>
    private bool _holding;

    public async Task<string> HoldAsync(string gate, CancellationToken cancellationToken = default)
    {
        _holding = true;
        try
        {
            TestSignals.Set($"{gate}:entered");
            await TestSignals.WhenSet($"{gate}:open");
            return "held";
        }
        finally
        {
            _holding = false;
        }
    }

    public Task<string> PingAsync(CancellationToken cancellationToken = default) => Task.FromResult(_holding ? "ping during hold" : "ping");

    public Task<string> PeekAsync(CancellationToken cancellationToken = default) => Task.FromResult(_holding ? "peek during hold" : "peek");

    public async Task<int> BusyAsync(int segments, CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < segments; i++)
        {
            var inside = Interlocked.Increment(ref _executing);
            _maxExecuting = Math.Max(_maxExecuting, inside);
            Thread.SpinWait(2_000);
            Interlocked.Decrement(ref _executing);
            await Task.Yield();
        }

        return _maxExecuting;
    }

    public async Task<bool> WaitForCancellationAsync(string signal, CancellationToken cancellationToken = default)
    {
        TestSignals.Set($"{signal}:entered");
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return false;
        }
        catch (OperationCanceledException)
        {
            TestSignals.Set($"{signal}:cancelled");
            throw;
        }
    }

    public Task FailAsync(string kind, CancellationToken cancellationToken = default) => kind switch
    {
        "invalid-operation" => throw new InvalidOperationException("The grain failed on purpose."),
        "argument" => throw new ArgumentException("Bad argument on purpose.", nameof(kind)),
        "unrecreatable" => throw new UnrecreatableException(42),
        _ => Task.FromException(new NotSupportedException($"Asynchronous failure '{kind}'.")),
    };

    public Task<List<string>> MutateAsync(List<string> items, CancellationToken cancellationToken = default)
    {
        items.Add("added by grain");
        return Task.FromResult(items);
    }

    public Task<string> CallAsync(string otherKey, CancellationToken cancellationToken = default) =>
        GrainFactory.GetGrain<IGateGrain>(otherKey).CallBackAsync(GrainId.Key, cancellationToken);

    public Task<string> CallBackAsync(string callerKey, CancellationToken cancellationToken = default) =>
        GrainFactory.GetGrain<IGateGrain>(callerKey).PingAsync(cancellationToken);
}

/// <summary>An exception without a (string) constructor: callers receive it as RemoteGrainException.</summary>
public sealed class UnrecreatableException(int code) : Exception($"Unrecreatable failure {code}.");
