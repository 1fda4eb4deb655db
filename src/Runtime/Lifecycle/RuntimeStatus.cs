namespace TaskActors.Runtime.Lifecycle;

/// <summary>The runtime's readiness, set by the silo or client lifecycle service.</summary>
internal sealed class RuntimeStatus : IRuntimeStatus
{
    private volatile State _state = new(false, "starting");

    public bool IsReady => _state.IsReady;

    public string Description => _state.Description;

    public void Set(bool isReady, string description) => _state = new State(isReady, description);

    private sealed record State(bool IsReady, string Description);
}
