using TaskActors.Runtime.Messaging;

namespace TaskActors.Runtime.Activation;

/// <summary>Something an activation runs as a turn: a call or a timer tick.</summary>
internal abstract class ActivationWorkItem
{
    /// <summary>The link to the previous item in its activation's <see cref="RunningWorkItems"/>, while it runs.</summary>
    public ActivationWorkItem? PreviousRunning { get; set; }

    /// <summary>The link to the next item in its activation's <see cref="RunningWorkItems"/>, while it runs.</summary>
    public ActivationWorkItem? NextRunning { get; set; }

    /// <summary>Whether it may start while other (non-interleaving) work of the activation is awaiting.</summary>
    public abstract bool Interleave { get; }

    /// <summary>Whether running it counts as activity for idle collection.</summary>
    public abstract bool CountsAsActivity { get; }

    /// <summary>Runs it on the activation's scheduler.</summary>
    public abstract Task ExecuteAsync(GrainActivation activation);

    /// <summary>Called after the activation's bookkeeping for the finished item (sends a call's response).</summary>
    public abstract void OnCompleted();

    /// <summary>The activation will never run it and answers for it (a redirect or an error).</summary>
    public abstract void Reject(GrainCallResponse response);

    /// <summary>The activation deactivated before running it; hand it to the activation's successor.</summary>
    public abstract void Redeliver();
}
