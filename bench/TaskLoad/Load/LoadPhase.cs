using System.Diagnostics;
using TaskActors.TaskLoad.Measurement;

namespace TaskActors.TaskLoad.Load;

/// <summary>Runs every client at once for a duration (or until a number of iterations is used up) and merges what they measured.</summary>
internal static class LoadPhase
{
    public static async Task<PhaseResult> RunAsync(IReadOnlyList<TaskClient> clients, TimeSpan duration, int? iterations, CancellationToken cancellationToken)
    {
        var recorders = clients.Select(_ => new TaskRecorder()).ToArray();
        long remaining = iterations ?? 0;
        var started = Stopwatch.GetTimestamp();
        bool Next() => !cancellationToken.IsCancellationRequested
            && (iterations is null ? Stopwatch.GetElapsedTime(started) < duration : Interlocked.Decrement(ref remaining) >= 0);

        await Task.WhenAll(clients.Select((client, i) => Task.Run(() => client.RunAsync(recorders[i], Next, cancellationToken), cancellationToken)));
        cancellationToken.ThrowIfCancellationRequested();
        return PhaseResult.Of(recorders, Stopwatch.GetElapsedTime(started));
    }
}
