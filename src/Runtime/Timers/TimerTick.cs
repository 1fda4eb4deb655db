using TaskActors.Runtime.Activation;
using TaskActors.Runtime.Messaging;

namespace TaskActors.Runtime.Timers;

/// <summary>One tick of a <see cref="GrainTimer"/>, queued as a turn of its activation.</summary>
internal sealed class TimerTick(GrainTimer timer) : ActivationWorkItem
{
    public override bool Interleave => timer.Interleave;

    public override bool CountsAsActivity => timer.KeepAlive;

    public override async Task ExecuteAsync(GrainActivation activation)
    {
        await timer.TickAsync();

        // Armed within the turn, so any work that runs after this tick sees the next one scheduled.
        timer.OnTickFinished();
    }

    public override void OnCompleted()
    {
        // A tick has nobody to answer.
    }

    public override void Reject(GrainCallResponse response)
    {
        // A tick has nobody to answer.
    }

    public override void Redeliver()
    {
        // The activation is gone and its timers with it.
    }
}
