namespace TaskActors.ServiceDefaults.Logging;

/// <summary>
/// Whether the process is still starting. While it is, the console shows a logged exception by its type and message
/// only: a start-up failure is reported once, by <c>TaskActorsHost.Run</c>, as the list of problems to fix (with the
/// stack trace only when the failure was unexpected), rather than as the stack traces of every layer that saw it.
/// </summary>
internal sealed class StartupPhase
{
    private volatile bool _started;

    /// <summary>True until <see cref="Complete"/>.</summary>
    public bool IsStarting => !_started;

    /// <summary>The host has started: exceptions are logged in full from now on.</summary>
    public void Complete() => _started = true;
}
