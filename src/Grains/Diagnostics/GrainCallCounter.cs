using System.Diagnostics.Metrics;

namespace TaskActors.Grains.Diagnostics;

/// <summary>
/// An Orleans incoming call filter that counts the calls TaskActors' grains take, by grain type and method (meter
/// <see cref="MeterName"/>): the benchmark reads grain calls per task from it.
/// </summary>
internal sealed class GrainCallCounter : IIncomingGrainCallFilter
{
    /// <summary>The name of the meter.</summary>
    public const string MeterName = "TaskActors.Grains";

    private readonly Counter<long> _calls;

    public GrainCallCounter(IMeterFactory meterFactory) =>
        _calls = meterFactory.Create(MeterName).CreateCounter<long>("taskactors.grain.calls", description: "Calls taken by TaskActors' grains.");

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (_calls.Enabled && context.TargetId.Type.ToString() is { } grainType && context.Grain?.GetType().Namespace?.StartsWith("TaskActors.", StringComparison.Ordinal) == true)
        {
            _calls.Add(1, new("taskactors.grain.type", grainType), new("taskactors.grain.method", context.MethodName));
        }

        await context.Invoke();
    }
}
