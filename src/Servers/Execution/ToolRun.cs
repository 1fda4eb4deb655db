namespace TaskActors.Servers.Execution;

/// <summary>A tool run in progress beside its task grain: cancel it, or wait for it to finish reporting.</summary>
public sealed class ToolRun : IDisposable
{
    private readonly CancellationTokenSource _cancellation;

    internal ToolRun(int attempt, CancellationTokenSource cancellation)
    {
        Attempt = attempt;
        _cancellation = cancellation;
    }

    /// <summary>Which attempt this run is (1 for the first; re-drives after a lost silo count up).</summary>
    public int Attempt { get; }

    /// <summary>Completes when the run has finished and reported its outcome (or given up reporting).</summary>
    public Task Completion { get; internal set; } = Task.CompletedTask;

    /// <summary>Trips the tool's cancellation token.</summary>
    public void Cancel()
    {
        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Finished meanwhile.
        }
    }

    /// <inheritdoc />
    public void Dispose() => _cancellation.Dispose();
}
