namespace TaskActors.Runtime.Tests.Grains;

public sealed class CounterState
{
    public int Value { get; set; }

    public int Activations { get; set; }
}
